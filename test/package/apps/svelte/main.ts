// Svelte 5 host.
import { mount } from 'svelte';
import 'zmot/define';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });
