export { BookSession, type BookableOffer, type BookableSession } from './components/BookSession';
export { CalendarFeedSection } from './components/CalendarFeedSection';
export { CancelBookingWithTokenPage } from './pages/CancelBookingWithTokenPage';
export { CancelSeatWithTokenPage } from './pages/CancelSeatWithTokenPage';
export { MyBookingsPage } from './pages/MyBookingsPage';
export { ParticipantListPrintPage } from './pages/ParticipantListPrintPage';
export { SessionManagePage } from './pages/SessionManagePage';
export { bookForNeedPath, sessionIcsUrl } from './operations';
