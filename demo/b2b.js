// The site's own button opens <zmot-recommend modal>. A file, not an inline script, so the page also runs
// under the strict CSP at /demo-csp/.
const button = document.getElementById('recommend');
button.addEventListener('click', async () => {
  await customElements.whenDefined('zmot-recommend');
  if (!document.querySelector('zmot-recommend[modal]').open()) button.textContent = 'Thanks, you answered recently';
});
