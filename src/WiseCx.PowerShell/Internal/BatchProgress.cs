namespace WiseCx.PowerShell.Internal
{
    /// <summary>
    /// A progress bar for commands that send their collected input in several requests (bulk sends in batches, one
    /// membership request per queue or user): request k of n, items sent so far of the total. Shown only when there is
    /// more than one request; hidden, like all progress, by $ProgressPreference (SilentlyContinue in unattended hosts).
    /// </summary>
    internal sealed class BatchProgress
    {
        private readonly Cmdlet _cmdlet;
        private readonly int _activityId;
        private readonly string _activity;
        private readonly int _requests;
        private readonly long _items;
        private readonly string _unit;
        private int _request;
        private long _sent;
        private bool _shown;

        public BatchProgress(Cmdlet cmdlet, int activityId, string activity, int requests, long items, string unit)
        {
            _cmdlet = cmdlet;
            _activityId = activityId;
            _activity = activity;
            _requests = requests;
            _items = items;
            _unit = unit;
        }

        /// <summary>Reports the request about to be sent (<paramref name="what"/>, carrying <paramref name="items"/> items).</summary>
        public void Next(long items, string what)
        {
            _request++;
            if (_requests > 1)
            {
                _shown = true;
                _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, "Request " + _request + " of " + _requests + ": " + what)
                {
                    PercentComplete = _items > 0 ? (int)Math.Min(100, _sent * 100 / _items) : -1,
                    CurrentOperation = _sent + " of " + _items + " " + _unit + " sent",
                });
            }
            _sent += items;
        }

        /// <summary>Closes the bar, if one was shown.</summary>
        public void Complete()
        {
            if (_shown)
                _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, "Done") { RecordType = ProgressRecordType.Completed });
        }
    }
}
