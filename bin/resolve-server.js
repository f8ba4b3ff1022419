// Module resolution hooks (registered with node:module's `register`): a bare import that cannot be found from
// where it is written is looked up again from `parentURL`'s folder. bin/zmot.js uses it for zmot's collector
// importing `fastify` in a project that installed zmot for its elements only (parentURL: the folder where the
// server's dependencies were installed on first use); scripts/with-bench-deps.js for the benchmarks' tools in
// bench/. Everything else resolves as usual.
let parentURL;

export function initialize(data) {
  parentURL = data.parentURL;
}

export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    const bare = !/^(\.|\/|[a-z][a-z0-9+.-]*:)/i.test(specifier);
    if (!bare || error?.code !== 'ERR_MODULE_NOT_FOUND' || !parentURL) throw error;
    return next(specifier, { ...context, parentURL });
  }
}
