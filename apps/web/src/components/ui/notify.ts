import { notifications } from '@mantine/notifications';

/** Short confirmations and warnings, in one place so they look alike everywhere. */
export function notifySuccess(message: string): void {
  notifications.show({ color: 'green', message, autoClose: 3000 });
}

export function notifyError(message: string): void {
  notifications.show({ color: 'red', message, autoClose: 6000 });
}

/** Someone else saved first: their version is now on screen, the user re-applies their change. */
export function notifyConflict(title: string, message: string): void {
  notifications.show({ color: 'orange', title, message, autoClose: 10_000, withBorder: true });
}
