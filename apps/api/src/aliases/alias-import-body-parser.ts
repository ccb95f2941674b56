import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { jsonBody } from '../common/json-body';

/** S-20, A-9: an aliases.json import may be up to 5 MB, five times the global JSON body limit. */
export const ALIAS_IMPORT_BODY_LIMIT = '5mb';
/** The import route as express sees it (the `api` global prefix included). */
export const ALIAS_IMPORT_PATH = '/api/aliases/import';

/**
 * Mounts a 5 MB JSON parser on the import route ahead of the global 1 MB one, which then finds the
 * body already read and passes it on. A module's `configure()` middleware cannot do this: Nest mounts
 * it after everything `app.use`d, when the global parser has already answered 413. Providers are built
 * inside `NestFactory.create`, before `createApiApp` mounts the global parser, so this one comes first.
 */
@Injectable()
export class AliasImportBodyParser {
  constructor(adapterHost: HttpAdapterHost) {
    adapterHost.httpAdapter.use(ALIAS_IMPORT_PATH, jsonBody(ALIAS_IMPORT_BODY_LIMIT));
  }
}
