// Composition root of notification-service. Placeholder: the service is not implemented yet.
console.log('notification-service: not implemented yet');
