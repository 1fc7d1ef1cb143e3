namespace WiseCx
{
    /// <summary>A WiseCX user (agent or bot). Every property but Id is optional because <c>-Property</c> selects a subset.</summary>
    public sealed class User : WcxObject
    {
        public long Id { get; set; }

        /// <summary>The same as <see cref="Id"/>: lets a user bind by property name to the -UserId parameters.</summary>
        public long UserId => Id;

        /// <summary>The login name, usually an e-mail address.</summary>
        public string? UserName { get; set; }

        public string? Nick { get; set; }

        public string? FirstName { get; set; }

        public string? LastName { get; set; }

        public bool? IsBot { get; set; }

        public DateTime? CreatedAt { get; set; }

        public DateTime? LastLogin { get; set; }

        /// <summary>The service groups the user belongs to.</summary>
        public WcxList<UserQueue>? Queues { get; set; }

        public override string ToString() => UserName is null ? "User " + Id : UserName + " (" + Id + ")";
    }

    /// <summary>A service group as a user lists it: id, name and whether automatic assignment is on for the user there.</summary>
    public sealed class UserQueue : WcxObject
    {
        public long Id { get; set; }

        /// <summary>The same as <see cref="Id"/>: lets it bind by property name to the -QueueId parameters.</summary>
        public long QueueId => Id;

        public string? Name { get; set; }

        public bool? AutoAssign { get; set; }

        public override string ToString() => Name is null ? "Queue " + Id : Name + " (" + Id + ")";
    }

    /// <summary>The body of POST /users. Null members are left out of the request.</summary>
    public sealed class UserCreateRequest
    {
        /// <summary>Required: the login name, usually an e-mail address.</summary>
        public string UserName { get; set; } = "";

        public string? Nick { get; set; }

        public string? FirstName { get; set; }

        public string? LastName { get; set; }

        /// <summary>Null leaves the API's default (false).</summary>
        public bool? IsBot { get; set; }

        public override string ToString() => UserName;
    }
}
