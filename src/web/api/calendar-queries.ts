import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';

// The signed-in person's calendar connections and booking rules.
export const calendarKeys = {
  connections: ['calendar-connections'] as const,
  bookingRules: ['booking-rules'] as const,
};

const fetchConnections = () => unwrap(api.me['calendar-connections'].$get());

export type CalendarConnection = Awaited<ReturnType<typeof fetchConnections>>['connections'][number];

export function useCalendarConnections() {
  return useQuery({ queryKey: calendarKeys.connections, queryFn: fetchConnections });
}

const fetchBookingRules = () => unwrap(api.me['booking-rules'].$get());

export function useBookingRules() {
  return useQuery({ queryKey: calendarKeys.bookingRules, queryFn: fetchBookingRules });
}
