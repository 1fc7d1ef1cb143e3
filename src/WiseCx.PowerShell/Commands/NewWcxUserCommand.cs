using System.Threading.Tasks;

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

        /// <summary><para type="description">How many creates may be under way at once when users come from the pipeline (default 8, 1 to 64). Results are still written in input order; the session's rate limit governs every request whatever the value.</para></summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        private const int DefaultThrottleLimit = 8;

        // Creates sent and not yet looked at, oldest first; and those created, waiting for their batched read-back.
        private readonly Queue<PendingCreate> _inFlight = new Queue<PendingCreate>();
        private readonly List<PendingCreate> _created = new List<PendingCreate>();
        private bool _batchReadRefused;

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
            // Asked here, on the pipeline thread, one user at a time: -WhatIf and -Confirm work as without overlap.
            if (!ShouldProcess(request.UserName + (IsBot ? " (bot)" : ""), "Create user"))
                return;
            _inFlight.Enqueue(new PendingCreate(request, Client.Users.CreateAsync(request, StopToken)));
            // Looks at what has finished, in order, and waits only when the limit of creates under way is reached.
            while (_inFlight.Count > 0 && (_inFlight.Count >= ThrottleLimit || _inFlight.Peek().Create.IsCompleted))
                TakeOldest();
        }

        protected override void EndWcxProcessing()
        {
            while (_inFlight.Count > 0)
                TakeOldest();
            WriteCreated();
        }

        // The oldest create's outcome: created users wait for their read-back (in batches); a failure is reported at
        // once, after every earlier user, so that output and errors keep the input order.
        private void TakeOldest()
        {
            var pending = _inFlight.Dequeue();
            long id;
            try
            {
                id = Await(pending.Create);
            }
            catch (Exception ex) when ((ex is WcxApiException || ex is WcxInputException) && !ErrorTranslator.IsTerminating(ex))
            {
                WriteCreated();
                // A create that may have been applied arrives here as WcxWriteOutcomeUnknown: reported, never repeated.
                ErrorTarget = pending.Request.UserName;
                Fail(ex);
                return;
            }
            catch (Exception ex) when (ErrorTranslator.IsTerminating(ex))
            {
                WarnUnfinished();
                throw;
            }
            pending.Id = id;
            _created.Add(pending);
            if (_created.Count >= WiseCx.Client.Paging.ListQuery.MaxPageSize)
                WriteCreated();
        }

        // Reads the created users back with one request per batch (id IN …), and writes them in input order. Where the
        // API refuses that filter (it is not in the collection), each is read with its own GET as before.
        private void WriteCreated()
        {
            if (_created.Count == 0)
                return;
            var batch = _created.ToList();
            _created.Clear();
            Dictionary<long, User>? found = null;
            WcxApiException? failure = null;
            if (!_batchReadRefused)
            {
                try
                {
                    found = new Dictionary<long, User>();
                    foreach (var user in Client.Users.GetBatch(batch.Select(p => p.Id).ToList(), StopToken))
                        found[user.Id] = user;
                    FlushTrace();
                }
                catch (WcxApiException ex) when (!(ex is WcxAuthenticationException))
                {
                    found = null;
                    FlushTrace();
                    if (ex is WcxBadRequestException)
                        _batchReadRefused = true;
                    else
                        failure = ex;
                }
            }
            foreach (var pending in batch)
            {
                var id = pending.Id;
                var request = pending.Request;
                Func<User> fromSent = () => new User
                {
                    Id = id, UserName = request.UserName, Nick = request.Nick, FirstName = request.FirstName,
                    LastName = request.LastName, IsBot = request.IsBot,
                };
                if (found != null && found.TryGetValue(id, out var user))
                {
                    ErrorTarget = id;
                    WriteApiObject(user);
                }
                else if (failure != null)
                {
                    ErrorTarget = id;
                    WriteWarning("User " + id + " was created, but reading it back failed: " + failure.Message);
                    WriteApiObject(fromSent());
                }
                else
                {
                    WriteReadBack(id, "User " + id + " was created", () => Await(Client.Users.GetAsync(id, null, StopToken)), fromSent);
                }
            }
        }

        // The command stops (the day's limit, a refused token, the session closed): the users created but not yet
        // written, and the creates still under way, are named, so that none is lost from sight or created twice.
        private void WarnUnfinished()
        {
            foreach (var created in _created)
                WriteWarning("User '" + created.Request.UserName + "' was created with id " + created.Id +
                             ", but the command stopped before writing it: Get-WcxUser -Id " + created.Id + " reads it.");
            _created.Clear();
            while (_inFlight.Count > 0)
            {
                var pending = _inFlight.Dequeue();
                var create = pending.Create;
                try
                {
                    create.Wait(TimeSpan.FromSeconds(1));
                }
                catch (AggregateException)
                {
                }
                var name = pending.Request.UserName;
                var error = create.Exception?.GetBaseException();
                if (create.Status == TaskStatus.RanToCompletion)
                    WriteWarning("User '" + name + "' was created with id " + create.Result +
                                 ", but the command stopped before writing it: Get-WcxUser -Id " + create.Result + " reads it.");
                else if (error is WcxQuotaExceededException || error is WcxRateLimitStoreException)
                    WriteWarning("User '" + name + "' was not created: its request was not sent (" + error.Message + ")");
                else if (error is WcxApiException refused && !(refused is WcxWriteOutcomeUnknownException) && refused.StatusCode != 0)
                    WriteWarning("User '" + name + "' was not created: " + refused.Message);
                else
                    WriteWarning("The create of user '" + name + "' was under way when the command stopped, and may have been applied: " +
                                 "look for it (Get-WcxUser -UserName '" + name + "') before creating it again.");
            }
        }

        private sealed class PendingCreate
        {
            public PendingCreate(UserCreateRequest request, Task<long> create)
            {
                Request = request;
                Create = create;
            }

            public UserCreateRequest Request { get; }

            public Task<long> Create { get; }

            public long Id { get; set; }
        }
    }
}
