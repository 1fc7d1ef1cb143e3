namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Deletes contacts.</para></summary>
    [Cmdlet(VerbsCommon.Remove, "WcxContact", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveWcxContactCommand : WcxSessionCmdlet
    {
        /// <summary><para type="description">The contact to delete. From the pipeline it takes contact ids, contacts (also deserialized ones from a job or remoting, or read back from a CSV that kept the type) and objects with a ContactId property. Any other object is refused (error WcxWrongInputType) and nothing is sent for it. A case gives its ContactId: piping cases deletes their contacts.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ContactId")]
        [ValidateRange(1, long.MaxValue)]
        [PipelineId(typeof(Contact), "ContactId")]
        public long Id { get; set; }

        protected override void ProcessWcxRecord()
        {
            ErrorTarget = Id;
            if (!ShouldProcess("contact " + Id, "Delete contact"))
                return;
            var message = Await(Client.Contacts.RemoveAsync(Id, StopToken));
            WriteVerbose("Contact " + Id + ": " + (message ?? "removed"));
        }
    }
}
