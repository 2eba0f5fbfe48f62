// Composition root of inventory-service. Placeholder: the service is not implemented yet.
console.log('inventory-service: not implemented yet');
