// Composition root of order-service. Placeholder: the service is not implemented yet.
console.log('order-service: not implemented yet');
