export { ForgotPasswordPage } from './pages/ForgotPasswordPage';
export { ResetPasswordPage } from './pages/ResetPasswordPage';
export { SignInPage } from './pages/SignInPage';
export { SignUpPage } from './pages/SignUpPage';
export { VerifyEmailPage } from './pages/VerifyEmailPage';
