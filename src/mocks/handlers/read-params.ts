// Every parameter of a request, read the way PBS's REST server does: form body, then the query (minus ExtJS's
// `_dc`), then URL path parameters; or a JSON body, in which case the query is ignored.
import { parseFormParams, type ParamSchema, type Params } from './params';
import { parseJsonParams } from './params-json';

/** Throws Error or ParamError carrying PBS's 400 text. */
export async function readParams(
  request: Request,
  schema: ParamSchema,
  pathParams: Record<string, string>,
): Promise<Params> {
  const contentType = request.headers.get('content-type');
  const mime = contentType?.split(';')[0]?.trim();
  let isJson = false;
  if (contentType !== null) {
    if (mime === 'application/json') isJson = true;
    else if (mime !== 'application/x-www-form-urlencoded') {
      throw new Error(`unsupported content type Ok(${JSON.stringify(contentType)})`);
    }
  }
  const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
  if (isJson) {
    let body: unknown = {};
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch (e) {
        throw new Error((e as Error).message);
      }
    }
    return parseJsonParams(schema, body, pathParams);
  }
  const pairs: [string, string][] = [...new URLSearchParams(text)];
  for (const [k, v] of new URL(request.url).searchParams) if (k !== '_dc') pairs.push([k, v]);
  pairs.push(...Object.entries(pathParams));
  return parseFormParams(schema, pairs);
}
