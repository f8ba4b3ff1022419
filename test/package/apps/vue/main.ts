// Vue 3 host: the build tells Vue's compiler that zmot-* tags are custom elements (isCustomElement).
import { createApp } from 'vue';
import 'zmot/define';
import App from './App.vue';

createApp(App).mount('#app');
