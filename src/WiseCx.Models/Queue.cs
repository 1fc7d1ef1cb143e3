namespace WiseCx
{
    /// <summary>A WiseCX service group (queue). Every property but Id is optional because <c>-Property</c> selects a subset.</summary>
    public sealed class Queue : WcxObject
    {
        public long Id { get; set; }

        /// <summary>The same as <see cref="Id"/>: lets a queue bind by property name to the -QueueId parameters.</summary>
        public long QueueId => Id;

        public string? Name { get; set; }

        /// <summary>When the group attends, per weekday and for special dates.</summary>
        public BusinessHours? BusinessHours { get; set; }

        /// <summary>The agents of the group, sorted by name.</summary>
        public WcxList<QueueMember>? Users { get; set; }

        public override string ToString() => Name is null ? "Queue " + Id : Name + " (" + Id + ")";
    }

    /// <summary>A user as a queue lists it: id, name and whether automatic assignment is on for them there.</summary>
    public sealed class QueueMember : WcxObject
    {
        public long Id { get; set; }

        /// <summary>The same as <see cref="Id"/>: lets a member bind by property name to the -UserId parameters.</summary>
        public long UserId => Id;

        public string? Name { get; set; }

        public bool? AutoAssign { get; set; }

        public override string ToString() => Name is null ? "User " + Id : Name + " (" + Id + ")";
    }

    /// <summary>The business hours of a service group.</summary>
    public sealed class BusinessHours : WcxObject
    {
        public BusinessHoursTimezone? Timezone { get; set; }

        /// <summary>One entry per weekday (0 = Sunday), plus special dates.</summary>
        public WcxList<BusinessDay>? Schedules { get; set; }

        public override string ToString() => Timezone?.ToString() ?? "";
    }

    /// <summary>The time zone business hours are given in.</summary>
    public sealed class BusinessHoursTimezone : WcxObject
    {
        /// <summary>A Windows time zone name, e.g. "Argentina Standard Time".</summary>
        public string? Name { get; set; }

        /// <summary>The UTC offset, e.g. "-03:00".</summary>
        public string? Offset { get; set; }

        public override string ToString() => Name + " (UTC" + Offset + ")";
    }

    /// <summary>The hours of one weekday, or of one special date.</summary>
    public sealed class BusinessDay : WcxObject
    {
        /// <summary>0 = Sunday … 6 = Saturday.</summary>
        public int? Day { get; set; }

        /// <summary>The day name in English, e.g. "monday".</summary>
        public string? Name { get; set; }

        public bool? IsOpen { get; set; }

        /// <summary>True for a one-off date rather than a recurring weekday.</summary>
        public bool? SpecialDate { get; set; }

        /// <summary>The special date; null for regular weekdays.</summary>
        public DateTime? Date { get; set; }

        public WcxList<OpeningHours>? Hours { get; set; }

        public override string ToString() =>
            (Date?.ToString("yyyy-MM-dd") ?? Name) + ": " + (IsOpen == true && Hours != null ? string.Join(", ", (System.Collections.Generic.IEnumerable<OpeningHours>)Hours) : "closed");
    }

    /// <summary>One opening interval, in the group's time zone ("HH:mm").</summary>
    public sealed class OpeningHours : WcxObject
    {
        public string? From { get; set; }

        public string? To { get; set; }

        public override string ToString() => From + "-" + To;
    }

    /// <summary>
    /// What a membership change answered (PUT /queues/{id}/users or PUT /users/{id}/queues): how many memberships were
    /// added, updated (auto-assign changed) or already as asked. One object per queue or per user, batches summed.
    /// </summary>
    public sealed class QueueMembershipSummary : WcxObject
    {
        /// <summary>The queue changed, for Add-WcxQueueUser; null for Add-WcxUserQueue.</summary>
        public long? QueueId { get; set; }

        /// <summary>The user changed, for Add-WcxUserQueue; null for Add-WcxQueueUser.</summary>
        public long? UserId { get; set; }

        public int Added { get; set; }

        public int Updated { get; set; }

        public int Unchanged { get; set; }

        public override string ToString() =>
            (QueueId.HasValue ? "Queue " + QueueId : "User " + UserId) + ": " + Added + " added, " + Updated + " updated, " + Unchanged + " unchanged";
    }

    /// <summary>What a bulk membership removal answered: how many memberships were removed.</summary>
    public sealed class QueueMembershipRemoval : WcxObject
    {
        public long? QueueId { get; set; }

        public long? UserId { get; set; }

        public int Removed { get; set; }

        public override string ToString() => (QueueId.HasValue ? "Queue " + QueueId : "User " + UserId) + ": " + Removed + " removed";
    }

    /// <summary>One membership to set: a queue id (PUT /users/{id}/queues) or a user id (PUT /queues/{id}/users), with auto-assign.</summary>
    public sealed class QueueAssignment
    {
        public QueueAssignment() { }

        public QueueAssignment(long id, bool autoAssign)
        {
            Id = id;
            AutoAssign = autoAssign;
        }

        public long Id { get; set; }

        /// <summary>Whether the user takes part in automatic assignment in that queue. The API's default is false.</summary>
        public bool AutoAssign { get; set; }

        public override string ToString() => Id + (AutoAssign ? " (auto-assign)" : "");
    }

    /// <summary>The body of POST /queues.</summary>
    public sealed class QueueCreateRequest
    {
        /// <summary>Unique, at most 50 characters; the API trims white space.</summary>
        public string Name { get; set; } = "";

        /// <summary>Null creates the group without users.</summary>
        public System.Collections.Generic.List<QueueAssignment>? Users { get; set; }
    }
}
