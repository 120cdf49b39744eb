import { Module } from '@nestjs/common';
import { ViewerResolver } from './viewer.resolver';

/** `me`: the web app's "who am I", and its "signed in, but no role" page. */
@Module({ providers: [ViewerResolver] })
export class ViewerModule {}
