import { openApiDocument } from '@/lib/analytics/openapi-document';
import { jsonWithEtag, route } from '@/lib/http/api';

// GET /api/v1/openapi.json -> the OpenAPI 3.1 document of the HTTP API (public: it holds no data).
export const GET = route(async (request) => jsonWithEtag(request, openApiDocument(), 300));
