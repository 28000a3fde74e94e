export { YourDataSection } from './components/YourDataSection';
