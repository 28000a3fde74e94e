export { StudentProfilePage } from './pages/StudentProfilePage';
