namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Gets users (agents and bots): one by id, or all of them, optionally matched by user name.</para></summary>
    [Cmdlet(VerbsCommon.Get, "WcxUser", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(User))]
    public sealed class GetWcxUserCommand : WcxListCmdlet
    {
        internal override EndpointSpec Endpoint => Endpoints.Users;

        /// <summary><para type="description">Ids of the users to get. From the pipeline it takes user ids, users (also deserialized ones from a job or remoting, or read back from a CSV that kept the type) and objects with a UserId property. Any other object is refused (error WcxWrongInputType) and nothing is sent for it. A case gives its agent (UserId). Tab completes the ids of the session's users, showing their names.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("UserId")]
        [ValidateRange(1, long.MaxValue)]
        [ArgumentCompleter(typeof(UserIdCompleter))]
        [PipelineId(typeof(User), "UserId")]
        public long[] Id { get; set; } = new long[0];

        /// <summary><para type="description">User names to match, with wildcards (*@example.com), case-insensitively. The API cannot filter by name: every user is read and matched here.</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(UserNameCompleter))]
        public string[]? UserName { get; set; }

        protected override void ProcessWcxRecord()
        {
            if (ParameterSetName == ByIdSet)
                EachItem(Id, id => WriteApiObject(Await(Client.Users.GetAsync(id, Property, StopToken))));
            else
                WriteListMatchingNames(UserName, "user_name", u => u.UserName, Property, (query, onPage) => Client.Users.List(query, StopToken, onPage));
        }
    }
}
