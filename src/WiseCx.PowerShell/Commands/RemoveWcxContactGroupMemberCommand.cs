namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Takes contacts out of a contact group; the contacts themselves remain.</para></summary>
    [Cmdlet(VerbsCommon.Remove, "WcxContactGroupMember", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveWcxContactGroupMemberCommand : WcxMembershipCmdlet
    {
        /// <summary><para type="description">The contact group (see Get-WcxContactGroup). Tab completes the ids of the session's contact groups, showing their names.</para></summary>
        [Parameter(Mandatory = true, Position = 0)]
        [Alias("ContactGroupId")]
        [ValidateRange(1, long.MaxValue)]
        [ArgumentCompleter(typeof(ContactGroupIdCompleter))]
        public long GroupId { get; set; }

        /// <summary><para type="description">The contacts to take out. From the pipeline it takes contact ids, contacts (also deserialized ones from a job or remoting, or read back from a CSV that kept the type) and objects with a ContactId property. Any other object is refused (error WcxWrongInputType) and nothing is sent for it. A case gives its ContactId.</para></summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateRange(1, long.MaxValue)]
        [PipelineId(typeof(Contact), "ContactId")]
        public long[] ContactId { get; set; } = new long[0];

        private protected override MembershipChange Change => new MembershipChange
        {
            Owners = ContactId, Members = new[] { GroupId }, OwnerNoun = "contact", MemberNoun = "contact group", Action = "Remove from",
            Send = (contactId, groups) =>
            {
                var message = Await(Client.Contacts.RemoveFromGroupAsync(contactId, GroupId, StopToken));
                WriteVerbose("Contact " + contactId + ", group " + GroupId + ": " + (message ?? "removed"));
            },
        };
    }
}
