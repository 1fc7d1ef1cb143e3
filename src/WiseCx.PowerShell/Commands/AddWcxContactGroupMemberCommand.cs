namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Adds contacts to a contact group.</para></summary>
    [Cmdlet(VerbsCommon.Add, "WcxContactGroupMember", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class AddWcxContactGroupMemberCommand : WcxMembershipCmdlet
    {
        /// <summary><para type="description">The contact group (see Get-WcxContactGroup). Tab completes the ids of the session's contact groups, showing their names.</para></summary>
        [Parameter(Mandatory = true, Position = 0)]
        [Alias("ContactGroupId")]
        [ValidateRange(1, long.MaxValue)]
        [ArgumentCompleter(typeof(ContactGroupIdCompleter))]
        public long GroupId { get; set; }

        /// <summary><para type="description">The contacts to add. From the pipeline it takes contact ids, contacts (also deserialized ones from a job or remoting, or read back from a CSV that kept the type) and objects with a ContactId property. Any other object is refused (error WcxWrongInputType) and nothing is sent for it. A case gives its ContactId.</para></summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateRange(1, long.MaxValue)]
        [PipelineId(typeof(Contact), "ContactId")]
        public long[] ContactId { get; set; } = new long[0];

        // The API adds one contact per request (there is no bulk form), so each record is sent as it comes.
        private protected override MembershipChange Change => new MembershipChange
        {
            Owners = ContactId, Members = new[] { GroupId }, OwnerNoun = "contact", MemberNoun = "contact group", Action = "Add to",
            Send = (contactId, groups) =>
            {
                var message = Await(Client.Contacts.AddToGroupAsync(contactId, GroupId, StopToken));
                WriteVerbose("Contact " + contactId + ", group " + GroupId + ": " + (message ?? "added"));
            },
        };
    }
}
