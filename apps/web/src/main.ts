import { createApp } from 'vue';
import App from './App.vue';
import { createStudio } from './studio';
import './ui/styles/theme.css';
import './ui/styles/base.css';
import './ui/styles/fields.css';

createApp(App).use(createStudio()).mount('#app');
