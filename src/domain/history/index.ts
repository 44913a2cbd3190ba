export { diffForms, type FormChange } from './diff-forms.js';
