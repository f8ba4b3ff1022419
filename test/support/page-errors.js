// For test pages under a Content-Security-Policy that forbids inline scripts: records errors and policy
// violations in `window.errors`, as the inline recorder of the other test pages does.
window.errors = [];
addEventListener('error', (event) => window.errors.push(String(event.message)));
document.addEventListener('securitypolicyviolation', (event) => window.errors.push(`CSP: ${event.violatedDirective} ${event.blockedURI}`));
