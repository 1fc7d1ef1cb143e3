namespace WiseCx
{
    /// <summary>A WiseCX user (agent or bot). Every property but Id is optional because <c>-Property</c> selects a subset.</summary>
    public sealed class User : WcxObject
    {
        /// <summary>The user id.</summary>
        public long Id { get; set; }

        /// <summary>The same as <see cref="Id"/>: lets a user bind by property name to the -UserId parameters.</summary>
        public long UserId => Id;

        /// <summary>The login name, usually an e-mail address.</summary>
        public string? UserName { get; set; }

        /// <summary>The short name or alias agents are shown by.</summary>
        public string? Nick { get; set; }

        /// <summary>The user's first name.</summary>
        public string? FirstName { get; set; }

        /// <summary>The user's last name.</summary>
        public string? LastName { get; set; }

        /// <summary>True for a bot, false for a human agent.</summary>
        public bool? IsBot { get; set; }

        /// <summary>When the user was created, in local time.</summary>
        public DateTime? CreatedAt { get; set; }

        /// <summary>When the user last logged in, in local time.</summary>
        public DateTime? LastLogin { get; set; }

        /// <summary>The service groups the user belongs to.</summary>
        public WcxList<UserQueue>? Queues { get; set; }

        // The live API also sends these three (api/NOTES.md F10); the collection does not document them. They come last,
        // where they stood when they were note properties, so Select-Object * and Export-Csv keep their columns' order.

        /// <summary>The name the live API sends beside the user's first and last names (often the first name); null when it is not sent.</summary>
        public string? Name { get; set; }

        /// <summary>The user's full name as the live API sends it, e.g. <c>Juan Pérez</c>; null when it is not sent.</summary>
        public string? FullName { get; set; }

        /// <summary>The ids of the service groups the user belongs to, as the live API sends them beside <see cref="Queues"/>; null when not sent.</summary>
        public WcxList<long>? QueuesIds { get; set; }

        /// <summary>The login name and id, e.g. <c>agent@company.com (5846)</c>.</summary>
        public override string ToString() => UserName is null ? "User " + Id : UserName + " (" + Id + ")";
    }

    /// <summary>A service group as a user lists it: id, name and whether automatic assignment is on for the user there.</summary>
    public sealed class UserQueue : WcxObject
    {
        /// <summary>The service group id.</summary>
        public long Id { get; set; }

        /// <summary>The same as <see cref="Id"/>: lets it bind by property name to the -QueueId parameters.</summary>
        public long QueueId => Id;

        /// <summary>The service group's name.</summary>
        public string? Name { get; set; }

        /// <summary>True when the user takes part in the group's automatic assignment of cases.</summary>
        public bool? AutoAssign { get; set; }

        /// <summary>The name and id, e.g. <c>Soporte (53)</c>.</summary>
        public override string ToString() => Name is null ? "Queue " + Id : Name + " (" + Id + ")";
    }

    /// <summary>The body of POST /users. Null members are left out of the request.</summary>
    public sealed class UserCreateRequest
    {
        /// <summary>Required: the login name, usually an e-mail address.</summary>
        public string UserName { get; set; } = "";

        /// <summary>The short name or alias agents are shown by.</summary>
        public string? Nick { get; set; }

        /// <summary>The user's first name.</summary>
        public string? FirstName { get; set; }

        /// <summary>The user's last name.</summary>
        public string? LastName { get; set; }

        /// <summary>Null leaves the API's default (false).</summary>
        public bool? IsBot { get; set; }

        /// <summary>The login name.</summary>
        public override string ToString() => UserName;
    }
}
