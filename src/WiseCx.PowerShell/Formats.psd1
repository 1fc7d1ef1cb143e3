# Default views of the module's output types, compiled by build.ps1 into WiseCx.Format.ps1xml.
# A column is 'Property', 'Property:date' (the date as the object holds it, local time, to the minute), 'Property:join'
# (a list joined with commas), or 'Property:count' (how many items a list holds, 0 when it is absent; a number is shown as a plain 'Property'). Table: the 4-6 most useful columns; List: for Format-List without arguments.
# Module.Tests.ps1 checks that every type and property named here exists.
@{
    'WiseCx.Case' = @{
        Table = 'Id', 'Status', 'Priority', 'GroupId', 'Subject', 'CreatedAt:date'
        List  = 'Id', 'Number', 'Subject', 'Status', 'Priority', 'GroupId', 'UserId', 'ContactId', 'SourceChannel', 'Tags:join', 'CreatedAt:date', 'LastUpdate:date', 'SolvedAt:date', 'ClosedAt:date'
    }
    # One object at a time: a list reads better than a table.
    'WiseCx.Session' = @{
        List = 'User', 'BaseUri', 'IsConnected', 'TokenExpiresAt:date', 'RequestsThisMinute', 'RequestsPerMinute', 'RequestsToday', 'DailyRequestLimit', 'RequestCount', 'RateLimitStore', 'RateLimitStoreStatus'
    }
    'WiseCx.CaseActivityWebhookEvent' = @{ Table = 'Event', 'CaseId', 'ActivityId', 'ActivityType', 'ReceivedAt:date' }
    'WiseCx.SurveyWebhookEvent'       = @{ Table = 'Event', 'CaseId', 'UrlSurvey', 'ReceivedAt:date' }
    'WiseCx.MeliOrderWebhookEvent'    = @{ Table = 'Event', 'OrderId', 'ReceivedAt:date' }

    # New-WcxActivity builds an activity to pass to New-WcxCase or Add-WcxCaseActivity: what it says, and to whom.
    'WiseCx.ActivityInput' = @{ Table = 'Type', 'UserId', 'Channel', 'ContactFrom', 'ContactsTo:join', 'Attachments:count', 'Content' }
    'WiseCx.CaseActivity' = @{ Table = 'Id', 'CaseId', 'Type', 'UserId', 'Channel', 'CreatedAt:date' }
    'WiseCx.CaseType'     = @{ Table = 'Id', 'Name', 'ParentId' }
    'WiseCx.CaseTag'      = @{ Table = 'Id', 'Name' }
    'WiseCx.AssistantNodeExecution' = @{ Table = 'NodeId', 'NodeName', 'AssistantId', 'CaseId', 'Id', 'Message' }

    'WiseCx.Contact' = @{
        Table = 'Id', 'Name', 'Email', 'Phone', 'PersonalId', 'LastUpdate:date'
        List  = 'Id', 'Name', 'Email', 'Phone', 'PersonalId', 'OrganizationId', 'Address', 'LastUpdate:date'
    }
    'WiseCx.Organization' = @{ Table = 'Id', 'CustomId', 'Name' }
    'WiseCx.ContactGroup' = @{ Table = 'Id', 'Code', 'Name' }

    'WiseCx.Queue'                  = @{ Table = 'Id', 'Name', 'Users:count' }
    'WiseCx.QueueMember'            = @{ Table = 'Id', 'Name', 'AutoAssign' }
    # Added, Updated, Unchanged and Removed are counts already (numbers), not lists to count.
    'WiseCx.QueueMembershipSummary' = @{ Table = 'QueueId', 'UserId', 'Added', 'Updated', 'Unchanged' }
    'WiseCx.QueueMembershipRemoval' = @{ Table = 'QueueId', 'UserId', 'Removed' }
    'WiseCx.User' = @{
        Table = 'Id', 'UserName', 'Nick', 'FirstName', 'LastName', 'IsBot'
        List  = 'Id', 'UserName', 'Nick', 'FirstName', 'LastName', 'IsBot', 'Queues:join', 'CreatedAt:date', 'LastLogin:date'
    }
    'WiseCx.UserQueue'       = @{ Table = 'Id', 'Name', 'AutoAssign' }
    'WiseCx.AnalyticsExport' = @{ Table = 'ExportId', 'ReportId', 'Status', 'Progress' }

    'WiseCx.Survey'         = @{ Table = 'Id', 'Name', 'Title', 'Language', 'Active' }
    'WiseCx.SurveyQuestion' = @{ Table = 'Position', 'Type', 'Required', 'Label' }
    'WiseCx.SurveyResponse' = @{ Table = 'ResponseId', 'CaseId', 'ContactId', 'Status', 'SentAt:date', 'RespondedAt:date' }

    'WiseCx.Order'            = @{ Table = 'Id', 'EcommercePlatform', 'EcommerceOrderId', 'Status', 'TotalAmount', 'CreatedAt:date' }
    'WiseCx.MeliOrder'        = @{ Table = 'Id', 'MeliOrderId', 'PackId', 'BuyerId', 'CreatedAt:date' }
    'WiseCx.WhatsAppTemplate' = @{ Table = 'TemplateId', 'Name', 'WhatsappNumber', 'Content' }
    'WiseCx.Channel'          = @{ Table = 'Id', 'Name', 'Source' }

    'WiseCx.NitroCampaign'              = @{ Table = 'Id', 'Name', 'Type', 'Status', 'ScheduledAt:date', 'CreatedAt:date' }
    'WiseCx.NitroCampaignMessage'       = @{ Table = 'Id', 'CampaignId', 'Channel', 'Status', 'ScheduledAt:date', 'SentAt:date' }
    'WiseCx.NitroCampaignMessageContact' = @{ Table = 'TrackingId', 'ContactId', 'Channel', 'Status', 'CreatedAt:date' }
    'WiseCx.NitroSendResult'            = @{ Table = 'TrackingId', 'Channel', 'Status', 'Description' }
    # Case and Contact show as "Case 123" and the contact's address (their ToString); the template values are a list.
    'WiseCx.NitroRequest'               = @{
        Table = 'TrackingId', 'Case', 'Contact'
        List  = 'TrackingId', 'Case', 'Contact', 'Variables', 'Metadata'
    }
    'WiseCx.NitroCampaignActionResult'  = @{ Table = 'CampaignId', 'Status', 'ScheduledAt:date' }

    # Get-WcxRequestHistory: the table answers "what did it send?"; Format-List shows the headers and bodies.
    'WiseCx.WcxRequestRecord' = @{
        Table = 'Id', 'Command', 'Method', 'Path', 'StatusCode', 'Attempt', 'Duration'
        List  = 'Id', 'StartTime', 'Command', 'Method', 'Path', 'Attempt', 'StatusCode', 'ReasonPhrase', 'Duration', 'Error', 'RequestHeaders', 'RequestBody', 'ResponseHeaders', 'ResponseBody'
    }

    # Start-WcxSandbox: where it listens and its process; the key is a SecureString and stays out of the table.
    'WiseCx.WcxSandbox' = @{ Table = 'Uri', 'User', 'ProcessId', 'Profile', 'StartedAt:date' }

    # Import-WcxContact (the vendor's Spanish documentation): the import's outcome; Rejected and Uncertain are lists of rows.
    'WiseCx.ContactImport' = @{
        Table = 'ImportId', 'Status', 'Rows', 'Batches', 'Created', 'Updated', 'Failed', 'Rejected:count', 'Uncertain:count'
        List  = 'ImportId', 'Status', 'Action', 'Identifier', 'GroupIds:join', 'Rows', 'Batches', 'Total', 'Processed', 'Created', 'Updated', 'Failed', 'Rejected:count', 'Uncertain:count'
    }
    'WiseCx.ContactImportRejection' = @{ Table = 'Row', 'IdentifierValue', 'Source', 'Reason' }

    # Get-WcxCustomFieldOption (the vendor's Spanish documentation): one option of a custom field.
    'WiseCx.CustomFieldOption' = @{ Table = 'FieldName', 'Id', 'Value' }

    # Get-WcxCaseSummary (the vendor's Spanish documentation): the case and its summary's text.
    'WiseCx.CaseSummary' = @{ Table = 'CaseId', 'CreatedAt:date', 'Summary' }
}
