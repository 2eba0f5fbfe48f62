import { Router } from 'express';
import { openApiDocument } from './openapi-document.ts';

/** What the service says about itself: the API description and what its Kafka parts are doing. */
export function serviceRoutes({ status }: { status: () => unknown }): Router {
  const router = Router();
  const document = openApiDocument();
  router.get('/openapi.json', (_request, response) => {
    response.json(document);
  });
  router.get('/status', (_request, response) => {
    response.json(status());
  });
  return router;
}
