namespace WiseCx
{
    /// <summary>A WiseCX service group (queue). Every property but Id is optional because <c>-Property</c> selects a subset.</summary>
    public sealed class Queue : WcxObject
    {
        /// <summary>The service group id.</summary>
        public long Id { get; set; }

        /// <summary>The same as <see cref="Id"/>: lets a queue bind by property name to the -QueueId parameters.</summary>
        public long QueueId => Id;

        /// <summary>The group's name, unique in the account.</summary>
        public string? Name { get; set; }

        /// <summary>When the group attends, per weekday and for special dates.</summary>
        public BusinessHours? BusinessHours { get; set; }

        /// <summary>The agents of the group, sorted by name.</summary>
        public WcxList<QueueMember>? Users { get; set; }

        /// <summary>The name and id, e.g. <c>Soporte (53)</c>.</summary>
        public override string ToString() => Name is null ? "Queue " + Id : Name + " (" + Id + ")";
    }

    /// <summary>A user as a queue lists it: id, name and whether automatic assignment is on for them there.</summary>
    public sealed class QueueMember : WcxObject
    {
        /// <summary>The user id.</summary>
        public long Id { get; set; }

        /// <summary>The same as <see cref="Id"/>: lets a member bind by property name to the -UserId parameters.</summary>
        public long UserId => Id;

        /// <summary>The user's name.</summary>
        public string? Name { get; set; }

        /// <summary>True when the user takes part in the group's automatic assignment of cases.</summary>
        public bool? AutoAssign { get; set; }

        /// <summary>The name and id, e.g. <c>Juan Perez (6405)</c>.</summary>
        public override string ToString() => Name is null ? "User " + Id : Name + " (" + Id + ")";
    }

    /// <summary>The business hours of a service group.</summary>
    public sealed class BusinessHours : WcxObject
    {
        /// <summary>The time zone the hours are given in.</summary>
        public BusinessHoursTimezone? Timezone { get; set; }

        /// <summary>One entry per weekday (0 = Sunday), plus special dates.</summary>
        public WcxList<BusinessDay>? Schedules { get; set; }

        /// <summary>The time zone, e.g. <c>Argentina Standard Time (UTC-03:00)</c>.</summary>
        public override string ToString() => Timezone?.ToString() ?? "";
    }

    /// <summary>The time zone business hours are given in.</summary>
    public sealed class BusinessHoursTimezone : WcxObject
    {
        /// <summary>A Windows time zone name, e.g. "Argentina Standard Time".</summary>
        public string? Name { get; set; }

        /// <summary>The UTC offset, e.g. "-03:00".</summary>
        public string? Offset { get; set; }

        /// <summary>The name and offset, e.g. <c>Argentina Standard Time (UTC-03:00)</c>.</summary>
        public override string ToString() => Name + " (UTC" + Offset + ")";
    }

    /// <summary>The hours of one weekday, or of one special date.</summary>
    public sealed class BusinessDay : WcxObject
    {
        /// <summary>0 = Sunday … 6 = Saturday.</summary>
        public int? Day { get; set; }

        /// <summary>The day name in English, e.g. "monday".</summary>
        public string? Name { get; set; }

        /// <summary>True when the group attends that day.</summary>
        public bool? IsOpen { get; set; }

        /// <summary>True for a one-off date rather than a recurring weekday.</summary>
        public bool? SpecialDate { get; set; }

        /// <summary>The special date, as a calendar day at local midnight; null for regular weekdays.</summary>
        public DateTime? Date { get; set; }

        /// <summary>The opening intervals of the day; empty or null when closed.</summary>
        public WcxList<OpeningHours>? Hours { get; set; }

        /// <summary>The day and its hours, e.g. <c>monday: 09:00-18:00</c>, or <c>closed</c>.</summary>
        public override string ToString() =>
            (Date?.ToString("yyyy-MM-dd") ?? Name) + ": " + (IsOpen == true && Hours != null ? string.Join(", ", (System.Collections.Generic.IEnumerable<OpeningHours>)Hours) : "closed");
    }

    /// <summary>One opening interval, in the group's time zone ("HH:mm").</summary>
    public sealed class OpeningHours : WcxObject
    {
        /// <summary>Opening time, "HH:mm".</summary>
        public string? From { get; set; }

        /// <summary>Closing time, "HH:mm".</summary>
        public string? To { get; set; }

        /// <summary>The interval, e.g. <c>09:00-18:00</c>.</summary>
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

        /// <summary>Memberships created.</summary>
        public int Added { get; set; }

        /// <summary>Memberships that existed and had their auto-assign changed.</summary>
        public int Updated { get; set; }

        /// <summary>Memberships that were already as asked.</summary>
        public int Unchanged { get; set; }

        /// <summary>The queue or user and the counts, e.g. <c>Queue 53: 1 added, 1 updated, 0 unchanged</c>.</summary>
        public override string ToString() =>
            (QueueId.HasValue ? "Queue " + QueueId : "User " + UserId) + ": " + Added + " added, " + Updated + " updated, " + Unchanged + " unchanged";
    }

    /// <summary>What a bulk membership removal answered: how many memberships were removed.</summary>
    public sealed class QueueMembershipRemoval : WcxObject
    {
        /// <summary>The queue users were removed from (DELETE /queues/{id}/users); null when queues were removed from a user.</summary>
        public long? QueueId { get; set; }

        /// <summary>The user removed from queues (DELETE /users/{id}/queues); null when users were removed from a queue.</summary>
        public long? UserId { get; set; }

        /// <summary>Memberships removed.</summary>
        public int Removed { get; set; }

        /// <summary>The queue or user and the count, e.g. <c>Queue 53: 3 removed</c>.</summary>
        public override string ToString() => (QueueId.HasValue ? "Queue " + QueueId : "User " + UserId) + ": " + Removed + " removed";
    }

    /// <summary>One membership to set: a queue id (PUT /users/{id}/queues) or a user id (PUT /queues/{id}/users), with auto-assign.</summary>
    public sealed class QueueAssignment
    {
        /// <summary>An empty assignment, to fill in by property.</summary>
        public QueueAssignment() { }

        /// <summary>The membership of <paramref name="id"/>, with automatic assignment on or off.</summary>
        public QueueAssignment(long id, bool autoAssign)
        {
            Id = id;
            AutoAssign = autoAssign;
        }

        /// <summary>The queue id (for a user's queues) or the user id (for a queue's users); greater than 0.</summary>
        public long Id { get; set; }

        /// <summary>Whether the user takes part in automatic assignment in that queue. The API's default is false.</summary>
        public bool AutoAssign { get; set; }

        /// <summary>The id, with "(auto-assign)" when it is on.</summary>
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
