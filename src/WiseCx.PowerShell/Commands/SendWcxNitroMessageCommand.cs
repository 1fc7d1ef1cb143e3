namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Sends transactional Nitro messages: one contact in one request, a pipeline of contacts in bulk batches.</para></summary>
    /// <remarks>
    /// Input is collected, not sent per record: at the end one message goes to POST /nitro/transactional/{id}/send, and
    /// two or more go to POST /nitro/transactional/send in batches of -BatchSize (at most 100), in pipeline order.
    /// </remarks>
    [Cmdlet(VerbsCommunications.Send, "WcxNitroMessage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(NitroSendResult))]
    public sealed class SendWcxNitroMessageCommand : WcxSessionCmdlet
    {
        private const int ProgressId = 0x57434E53;
        private readonly List<NitroTransactionalMessage> _messages = new List<NitroTransactionalMessage>();

        /// <summary><para type="description">The transactional campaign (it must be active). Binds from the pipeline by property name.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string CampaignId { get; set; } = "";

        /// <summary><para type="description">The channels to send by. Tab completes whatsapp, email, sms and call. Any other value is sent as given, for the API to judge.</para></summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Channels")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(NitroSendChannelCompleter))]
        public string[] Channel { get; set; } = new string[0];

        /// <summary><para type="description">The WiseCX contact id. With it no other contact detail is needed. From the pipeline it takes contact ids, contacts (Get-WcxContact) and objects with a ContactId property (a case gives its contact); a row without one sends by the other details. Another module object (a user, say) is refused (error WcxWrongInputType).</para></summary>
        [Parameter(ValueFromPipeline = true)]
        [Alias("Id")]
        [ValidateAtLeast(1)]
        [PipelineId(typeof(Contact), "ContactId", Optional = true)]
        public long? ContactId { get; set; }

        /// <summary><para type="description">The contact's phone number: required for whatsapp, sms and call when there is no -ContactId.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsAbsent]
        public string? Phone { get; set; }

        /// <summary><para type="description">The contact's e-mail address: required for email when there is no -ContactId.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsAbsent]
        public string? Email { get; set; }

        /// <summary><para type="description">The contact's personal id (DNI, CUIT, …).</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsAbsent]
        public string? PersonalId { get; set; }

        /// <summary><para type="description">The contact's name.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsAbsent]
        public string? Name { get; set; }

        /// <summary><para type="description">Template values in template order, as an ordered hashtable: [ordered]@{ '{1}' = 'Ana'; '{2}' = 'A-1' }. The API reads them by position, not by name.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Variables")]
        [EmptyAsAbsent]
        public IDictionary? Variable { get; set; }

        /// <summary><para type="description">Key/value pairs for Analytics reports and assistant flows: @{ order = 'A-1' }.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsAbsent]
        public IDictionary? Metadata { get; set; }

        /// <summary><para type="description">The agent a call is put through to. Tab completes the ids of the session's users, showing their names.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateAtLeast(1)]
        [ArgumentCompleter(typeof(UserIdCompleter))]
        [EmptyAsAbsent]
        public long? UserId { get; set; }

        /// <summary><para type="description">Messages per bulk request, 1 to 100 (the default).</para></summary>
        [Parameter]
        [ValidateRange(1, NitroService.MaxBatchSize)]
        public int BatchSize { get; set; } = NitroService.MaxBatchSize;

        protected override void ProcessWcxRecord()
        {
            var message = new NitroTransactionalMessage
            {
                CampaignId = CampaignId,
                Channels = Channel.ToList(),
                Contact = new NitroContactInput { Id = ContactId, Phone = Phone, Email = Email, PersonalId = PersonalId, Name = Name },
                Variables = Variable is null ? null : InputBinder.OrderedValues(Variable, "Variable"),
                Metadata = Metadata is null ? null : InputBinder.Values(Metadata),
                UserId = UserId,
            };
            ErrorTarget = message;
            // Checked per record, so one bad row is reported and the others are still sent.
            NitroService.Validate(message);
            _messages.Add(message);
        }

        protected override void EndWcxProcessing()
        {
            if (_messages.Count == 1)
            {
                var message = _messages[0];
                ErrorTarget = message;
                if (ShouldProcess(message + " (campaign " + message.CampaignId + ")", "Send Nitro message"))
                    WriteReceipts(Await(Client.Nitro.SendAsync(message, StopToken)));
                return;
            }
            var batches = NitroService.Batches(_messages, BatchSize).ToList();
            var progress = new BatchProgress(this, ProgressId, "Sending Nitro messages", batches.Count, _messages.Count, "messages");
            try
            {
                EachItem(batches, batch =>
                {
                    var campaigns = string.Join(", ", batch.Select(m => m.CampaignId).Distinct());
                    if (!ShouldProcess(batch.Count + " messages (campaign " + campaigns + ")", "Send Nitro messages in bulk"))
                        return;
                    progress.Next(batch.Count, batch.Count + " messages (campaign " + campaigns + ")");
                    WriteReceipts(Await(Client.Nitro.SendBatchAsync(batch, StopToken)));
                });
            }
            finally
            {
                progress.Complete();
            }
        }

        /// <summary>The API answers 200 with a per-channel status: a receipt with status error is shown, and said aloud.</summary>
        private void WriteReceipts(IEnumerable<NitroSendResult> receipts)
        {
            foreach (var receipt in receipts)
            {
                if (string.Equals(receipt.Status, "error", System.StringComparison.OrdinalIgnoreCase))
                    WriteWarning("Not sent by " + receipt.Channel + (receipt.Contact is null ? "" : " to " + receipt.Contact) + ": " +
                                 (string.IsNullOrEmpty(receipt.Description) ? "the API reports an error." : receipt.Description));
                WriteApiObject(receipt);
            }
        }
    }
}
