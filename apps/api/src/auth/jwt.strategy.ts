import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { AuthUser } from '../common/auth-user';
import { Authenticator } from './authenticator.service';
import { JWT_ALGORITHM } from './jwt-claims';

export const JWT_SECRET = Symbol('JWT_SECRET');

/** passport-jwt verifies the signature and expiry; the Authenticator checks session and user. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(JWT_SECRET) secret: string,
    private readonly authenticator: Authenticator,
  ) {
    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: secret, algorithms: [JWT_ALGORITHM] });
  }

  validate(claims: unknown): Promise<AuthUser> {
    return this.authenticator.fromAccessClaims(claims);
  }
}
