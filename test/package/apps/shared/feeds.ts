// Two small review feeds (contract section 3) the apps hand to the elements through their `data` property.
export const trailRunner = {
  product: { id: 'trail-runner-2', name: 'Trail Runner 2', brand: 'Acme' },
  reviews: [
    { id: 'tr-1', rating: 5, title: 'Light and grippy', body: 'Held on wet rock all weekend.', author: { name: 'Ana Silva' }, date: '2026-09-01', verified: true },
    { id: 'tr-2', rating: 5, title: 'Fits like a glove', body: 'True to size, no break-in needed.', author: { name: 'Jonas Berg' }, date: '2026-09-12' },
    { id: 'tr-3', rating: 4, title: 'Good, runs warm', body: 'Great grip; a little warm in summer.', author: { name: 'Mia Chen' }, date: '2026-10-02' },
    { id: 'tr-4', rating: 2, title: 'Sole wore fast', body: 'Worn through after 300 km.', author: { name: 'Tom Reed' }, date: '2026-10-20' },
  ],
};

export const ridgeHiker = {
  product: { id: 'ridge-hiker', name: 'Ridge Hiker' },
  reviews: [
    { id: 'rh-1', rating: 3, body: 'Solid but heavy.', author: { name: 'Lea Roth' }, date: '2026-08-03' },
    { id: 'rh-2', rating: 4, body: 'Warm and dry.', author: { name: 'Sam Okafor' }, date: '2026-08-19' },
  ],
};
