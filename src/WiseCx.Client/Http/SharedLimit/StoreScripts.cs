namespace WiseCx.Client.Http.SharedLimit
{
    /// <summary>
    /// The Lua scripts the store runs. Each acquisition is one script, so processes racing for the last slot of a minute
    /// are served one at a time by the store. Time is the store's (<c>TIME</c>): machines whose clocks disagree still share
    /// one minute and one UTC day. Keys: KEYS[1] the minute window, a sorted set of slot id to the moment (ms) the slot
    /// leaves the window; KEYS[2] the day, a hash of the UTC day number and its count. Nothing else is written.
    /// </summary>
    internal static class StoreScripts
    {
        /// <summary>
        /// ARGV: per minute, per day, slot id, in-flight lease (ms), requests this process sent while it could not reach
        /// the store (added to the day), and the day's count this process last read with that day's number: a store that
        /// restarted empty takes the day back from the processes that remember it.
        /// Returns { status, used today, wait ms or slots in the window, the UTC day number }:
        /// status 1 admitted, 0 the minute is full (wait that long), -1 the day is used up.
        /// A slot taken now leaves the window a minute after its request is answered; until it is (see
        /// <see cref="Answered"/>), it is held for the lease plus a minute, so a process that dies mid-request frees its
        /// slots on its own.
        /// </summary>
        internal const string Acquire = @"
local t = redis.call('TIME')
local seconds = tonumber(t[1])
local now = seconds * 1000 + math.floor(tonumber(t[2]) / 1000)
local day = math.floor(seconds / 86400)
local perMinute = tonumber(ARGV[1])
local perDay = tonumber(ARGV[2])
local used = 0
if tonumber(redis.call('HGET', KEYS[2], 'day')) == day then
  used = tonumber(redis.call('HGET', KEYS[2], 'count')) or 0
end
local remembered = tonumber(ARGV[6])
if tonumber(ARGV[7]) == day and remembered > used then
  used = remembered
end
local away = tonumber(ARGV[5])
if away > 0 then
  used = used + away
  redis.call('HSET', KEYS[2], 'day', day)
  redis.call('HSET', KEYS[2], 'count', used)
  redis.call('EXPIRE', KEYS[2], 172800)
end
if used >= perDay then
  return { -1, used, 0, day }
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local inWindow = redis.call('ZCARD', KEYS[1])
if inWindow >= perMinute then
  local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return { 0, used, tonumber(first[2]) - now, day }
end
local lease = tonumber(ARGV[4])
redis.call('ZADD', KEYS[1], now + lease + 60000, ARGV[3])
redis.call('PEXPIRE', KEYS[1], lease + 120000)
used = used + 1
redis.call('HSET', KEYS[2], 'day', day)
redis.call('HSET', KEYS[2], 'count', used)
redis.call('EXPIRE', KEYS[2], 172800)
return { 1, used, inWindow + 1, day }
";

        /// <summary>
        /// The request of slot ARGV[1] was answered: it leaves the window a minute from now (store time). A slot already
        /// gone (its lease ran out) stays gone.
        /// </summary>
        internal const string Answered = @"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if redis.call('ZSCORE', KEYS[1], ARGV[1]) then
  redis.call('ZADD', KEYS[1], now + 60000, ARGV[1])
end
return 1
";

        /// <summary>Returns { slots in the minute's window, requests today } without changing anything.</summary>
        internal const string Usage = @"
local t = redis.call('TIME')
local seconds = tonumber(t[1])
local now = seconds * 1000 + math.floor(tonumber(t[2]) / 1000)
local used = 0
if tonumber(redis.call('HGET', KEYS[2], 'day')) == math.floor(seconds / 86400) then
  used = tonumber(redis.call('HGET', KEYS[2], 'count')) or 0
end
return { redis.call('ZCOUNT', KEYS[1], '(' .. now, '+inf'), used }
";
    }
}
