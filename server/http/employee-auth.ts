import type { Context, Middleware } from 'koa';
import { unauthorizedEmployee, type EmployeeSessions, type SignedInEmployee } from '../services/employee/sessions.js';

declare module 'koa' {
  interface DefaultState {
    /** The employee signed in to their own page, set by `authenticateEmployee`. */
    employee?: SignedInEmployee;
  }
}

const BEARER = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/;

/**
 * Needs `Authorization: Bearer <token>` from POST /api/v1/employee/session and puts the employee it
 * belongs to in `ctx.state.employee`: the only way a route of the employee's page learns whose data
 * to answer. An admin's token is refused here, as this one is by the admin API.
 */
export function authenticateEmployee(sessions: EmployeeSessions): Middleware {
  return async (ctx, next) => {
    ctx.set('Cache-Control', 'no-store');
    const token = BEARER.exec(ctx.get('authorization').trim())?.[1];
    if (!token) throw unauthorizedEmployee();
    ctx.state.employee = await sessions.authenticate(token);
    return next();
  };
}

/** The signed-in employee; a 401 when the route forgot `authenticateEmployee`, so a mistake fails closed. */
export function currentEmployee(ctx: Context): SignedInEmployee {
  const employee = ctx.state.employee;
  if (!employee) throw unauthorizedEmployee();
  return employee;
}
