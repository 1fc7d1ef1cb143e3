namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Creates users and returns them; takes rows from Import-Csv (UserName, Nick, FirstName, LastName, IsBot).</para></summary>
    [Cmdlet(VerbsCommon.New, "WcxUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(User))]
    public sealed class NewWcxUserCommand : WcxSessionCmdlet
    {
        /// <summary><para type="description">The login name, usually the agent's e-mail address.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("user_name")]
        [ValidateNotNullOrEmpty]
        public string UserName { get; set; } = "";

        /// <summary><para type="description">A short name shown to customers and colleagues.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsAbsent]
        public string? Nick { get; set; }

        /// <summary><para type="description">The user's first name.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("first_name")]
        [EmptyAsAbsent]
        public string? FirstName { get; set; }

        /// <summary><para type="description">The user's last name.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("last_name")]
        [EmptyAsAbsent]
        public string? LastName { get; set; }

        /// <summary><para type="description">Create a bot rather than a human agent. From a CSV, the text true/false, 1/0 or yes/no binds (an empty cell is false).</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("is_bot")]
        [BooleanText]
        public SwitchParameter IsBot { get; set; }

        protected override void ProcessWcxRecord()
        {
            ErrorTarget = UserName;
            var request = new UserCreateRequest
            {
                UserName = UserName,
                Nick = Nick,
                FirstName = FirstName,
                LastName = LastName,
                IsBot = IsBot.IsPresent,
            };
            UserService.ValidateCreate(request);
            if (!ShouldProcess(request.UserName + (IsBot ? " (bot)" : ""), "Create user"))
                return;
            var id = Await(Client.Users.CreateAsync(request, StopToken));
            WriteReadBack(id, "User " + id + " was created", () => Await(Client.Users.GetAsync(id, null, StopToken)), () => new User
            {
                Id = id, UserName = request.UserName, Nick = request.Nick, FirstName = request.FirstName,
                LastName = request.LastName, IsBot = request.IsBot,
            });
        }
    }
}
