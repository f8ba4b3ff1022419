// The demo purchase: zmot.conversion() carries the referral code of a visitor who came through a friend's
// link. A file, not an inline script, so the page also runs under the strict CSP at /demo-csp/.
document.getElementById('buy').addEventListener('click', (event) => {
  window.zmot?.conversion({ orderId: `demo-${Date.now()}`, value: 129, currency: 'EUR' });
  event.target.textContent = 'Added (a demo conversion was sent)';
});
