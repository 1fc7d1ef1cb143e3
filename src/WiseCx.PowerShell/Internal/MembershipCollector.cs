namespace WiseCx.PowerShell.Internal
{
    /// <summary>
    /// Collects the pipeline of a membership cmdlet (a queue and its users, or a user and its queues), so that
    /// EndProcessing sends one request per owner instead of one per record. Keeps first-seen order, drops repeats.
    /// </summary>
    internal sealed class MembershipCollector
    {
        private readonly List<long> _owners = new List<long>();
        private readonly Dictionary<long, List<long>> _members = new Dictionary<long, List<long>>();
        private readonly Dictionary<long, HashSet<long>> _seen = new Dictionary<long, HashSet<long>>();

        public void Add(IEnumerable<long> owners, IEnumerable<long> members)
        {
            var memberList = members.ToList();
            foreach (var owner in owners)
            {
                if (!_members.TryGetValue(owner, out var list))
                {
                    _owners.Add(owner);
                    _members[owner] = list = new List<long>();
                    _seen[owner] = new HashSet<long>();
                }
                foreach (var member in memberList)
                {
                    if (_seen[owner].Add(member))
                        list.Add(member);
                }
            }
        }

        /// <summary>The owners in the order they were first seen.</summary>
        public IReadOnlyList<long> Owners => _owners;

        public IReadOnlyList<long> MembersOf(long owner) => _members[owner];

        /// <summary>"user 10", or "50 users": for -WhatIf and -Verbose messages.</summary>
        public static string Describe(IReadOnlyList<long> ids, string singular) =>
            ids.Count == 1 ? singular + " " + ids[0] : ids.Count + " " + singular + "s";
    }
}
