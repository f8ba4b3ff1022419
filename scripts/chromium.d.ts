// Types of chromium.js for the TypeScript scripts and Node tests that launch Chromium with puppeteer.
export declare const chromiumPath: string;
export declare const chromiumArgs: string[];
