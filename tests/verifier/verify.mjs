// An independent verifier of Kompeten's Open Badges credentials: Digital Bazaar's Verifiable Credentials stack
// (@digitalbazaar/vc, data-integrity, eddsa-rdfc-2022-cryptosuite, ed25519-multikey, jsonld-signatures), the one
// the W3C VC test suites run, checking the embedded `eddsa-rdfc-2022` proof with nothing but files.
//
//   node tests/verifier/verify.mjs --credential credential.json --did did.json [--status status-list.json]
//
// --did is the issuer's DID document (did.json as the site serves it); the proof's verification method must be
// one of its assertion methods. --status, the issuer's status list credential (`?format=json`), makes the
// revocation bit count; without it the status is not checked. The JSON-LD contexts come from the npm packages
// (never from Kompeten's copies, never from the network): any other document, and any fetch, is refused.
//
// Prints {"verified": true|false, ...} and exits 0 when verified, 1 when not, 2 when used wrongly.

import {readFileSync} from 'node:fs';
import {gunzipSync} from 'node:zlib';
import {parseArgs} from 'node:util';

import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';

import {contexts} from './contexts.mjs';

globalThis.fetch = async url => {
  throw new Error(`network fetch refused: ${url}`);
};

function usage(message) {
  console.log(JSON.stringify({verified: false, error: message}));
  process.exit(2);
}

let options;
try {
  ({values: options} = parseArgs({
    options: {
      credential: {type: 'string'},
      did: {type: 'string'},
      status: {type: 'string'},
    },
  }));
} catch(error) {
  usage(error.message);
}
if(!options.credential || !options.did) {
  usage('usage: verify.mjs --credential FILE --did FILE [--status FILE]');
}
const readJson = path => JSON.parse(readFileSync(path, 'utf8'));
const credential = readJson(options.credential);
const didDocument = readJson(options.did);
const statusList = options.status ? readJson(options.status) : null;

const documents = new Map([...contexts, [didDocument.id, didDocument]]);
for(const method of didDocument.verificationMethod ?? []) {
  documents.set(method.id, {'@context': didDocument['@context'], ...method});
}

async function documentLoader(url) {
  if(!documents.has(url)) {
    throw new Error(`document refused (not local): ${url}`);
  }
  return {contextUrl: null, documentUrl: url, document: structuredClone(documents.get(url))};
}

// Bitstring Status List: multibase base64url (prefix "u") of the GZIP of the bits, the first index being the most
// significant bit of the first byte.
async function checkStatus({credential: checked}) {
  if(!statusList) {
    return {verified: true, checked: false};
  }
  const entry = checked.credentialStatus;
  if(entry.statusListCredential !== statusList.id) {
    return {verified: false, error: 'the status list given is not the credential\'s'};
  }
  const encoded = statusList.credentialSubject.encodedList;
  const bits = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
  const index = Number(entry.statusListIndex);
  const revoked = (bits[Math.floor(index / 8)] >> (7 - index % 8)) & 1;
  return {verified: revoked === 0, checked: true, revoked: revoked === 1};
}

const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022});
const result = await vc.verifyCredential({credential, suite, documentLoader, checkStatus});
const errors = [result.error, ...(result.results ?? []).map(item => item.error)]
  .filter(Boolean)
  .flatMap(error => error.errors ?? [error])
  .map(error => error.message ?? String(error));
const unique = [...new Set(errors)];
console.log(JSON.stringify({
  verified: result.verified,
  verificationMethod: result.results?.[0]?.verificationMethod?.id ?? null,
  status: result.statusResult ?? null,
  errors: unique,
}));
process.exit(result.verified ? 0 : 1);
