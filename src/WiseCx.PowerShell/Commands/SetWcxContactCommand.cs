using WiseCx.Client.Http;
using System.Security;

namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Changes a contact: identifiers, name, organization, address, custom fields.</para></summary>
    [Cmdlet(VerbsCommon.Set, "WcxContact", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Contact))]
    public sealed class SetWcxContactCommand : WcxSessionCmdlet
    {
        /// <summary><para type="description">The contact to change. From the pipeline it takes contact ids, contacts (also deserialized ones from a job or remoting, or read back from a CSV that kept the type) and objects with a ContactId property. Any other object is refused (error WcxWrongInputType) and nothing is sent for it.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ValueFromPipeline = true)]
        [Alias("ContactId")]
        [ValidateRange(1, long.MaxValue)]
        [PipelineId(typeof(Contact), "ContactId")]
        public long Id { get; set; }

        /// <summary><para type="description">The e-mail address. The API wants -Email, -PersonalId or -Phone on every update; piped contacts bring theirs.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsAbsent]
        public string? Email { get; set; }

        /// <summary><para type="description">The personal identifier (national id, tax number, …).</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsAbsent]
        public string? PersonalId { get; set; }

        /// <summary><para type="description">The phone number.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsAbsent]
        public string? Phone { get; set; }

        /// <summary><para type="description">The contact's name.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsAbsent]
        public string? Name { get; set; }

        /// <summary><para type="description">The contact's GUID in another system.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsAbsent]
        public string? Guid { get; set; }

        /// <summary><para type="description">A new password for the contact, as a SecureString.</para></summary>
        [Parameter]
        public SecureString? Password { get; set; }

        // No range attribute: piped contacts without an organization bind null, which must pass; the client checks the value.
        /// <summary><para type="description">Links the contact to this organization; -1 unlinks it.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsAbsent]
        public long? OrganizationId { get; set; }

        /// <summary><para type="description">The postal address.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsAbsent]
        public string? Address { get; set; }

        /// <summary><para type="description">Custom fields to set, as a hashtable.</para></summary>
        [Parameter]
        public Hashtable? CustomField { get; set; }

        /// <summary><para type="description">Return the contact as it is after the change.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessWcxRecord()
        {
            ErrorTarget = Id;
            var request = new ContactUpdateRequest
            {
                Email = Email, PersonalId = PersonalId, Phone = Phone, Name = Name, Guid = Guid,
                OrganizationId = OrganizationId, Address = Address,
                CustomFields = CustomField is null ? null : InputBinder.CustomFields(CustomField),
            };
            if (request.IsEmpty() && Password is null)
                throw new WcxInputException("Nothing to change: give at least one of -Email, -PersonalId, -Phone, -Name, -Guid, -Password, -OrganizationId, -Address or -CustomField.");
            request.Password = SecureText.Reveal(Password);
            try
            {
                ContactService.ValidateUpdate(request);
                var change = ChangeText.Describe("Set contact",
                    ("email", Email), ("personal id", PersonalId), ("phone", Phone), ("name", Name), ("guid", Guid),
                    ("password", Password is null ? null : "(new)"), ("organization", OrganizationId), ("address", Address),
                    ("custom fields", CustomField));
                if (!ShouldProcess("contact " + Id, change))
                    return;
                Await(Client.Contacts.UpdateAsync(Id, request, StopToken));
            }
            finally
            {
                request.Password = null;
            }
            if (PassThru)
                WriteApiObject(Await(Client.Contacts.GetAsync(Id, null, StopToken)));
        }
    }
}
