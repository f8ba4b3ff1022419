// The theme and language switches of themes.html. The address keeps the choice (?theme=dark&lang=ar), so a
// reload or a shared link shows the same; this file runs before the drop-in, so widgets render straight
// in the chosen language.
const THEMES = ['b2b', 'fashion', 'dark'];
const RTL = ['ar'];

const preview = document.getElementById('preview');
const theme = document.getElementById('theme');
const lang = document.getElementById('lang');

const params = new URLSearchParams(location.search);
if (params.has('theme') && [...theme.options].some((o) => o.value === params.get('theme'))) theme.value = params.get('theme');
if (params.has('lang') && [...lang.options].some((o) => o.value === params.get('lang'))) lang.value = params.get('lang');

function apply() {
  for (const name of THEMES) preview.classList.toggle(`zmot-theme-${name}`, theme.value === name);
  preview.lang = lang.value;
  preview.dir = RTL.includes(lang.value) ? 'rtl' : 'ltr';
  const query = new URLSearchParams({ theme: theme.value, lang: lang.value });
  history.replaceState(null, '', `?${query}`);
}

theme.addEventListener('change', apply);
lang.addEventListener('change', apply);
document.getElementById('switches').addEventListener('submit', (event) => event.preventDefault());
apply();
