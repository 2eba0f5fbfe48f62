import { Router } from 'express';
import { openApiDocument } from './openapi-document.ts';

/** The API's description, for tools like Swagger UI or an HTTP client generator. */
export function openApiRoutes(): Router {
  const router = Router();
  const document = openApiDocument();
  router.get('/openapi.json', (_request, response) => {
    response.json(document);
  });
  return router;
}
