import 'reflect-metadata';
import { afterAll } from 'vitest';
import { removeTestNamespaces } from './helpers/backends.js';

// Registered first, so it runs after every other afterAll of the file (hooks run as a stack).
afterAll(removeTestNamespaces);
