import { ObjectType } from '@nestjs/graphql';
import { connectionType } from '../pagination/connection.model';
import { Customer } from './customer.model';

@ObjectType({ description: 'A page of customers, newest first.' })
export class CustomerConnection extends connectionType(Customer, 'Customer') {}
