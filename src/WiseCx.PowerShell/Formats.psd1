# Default views of the module's output types, compiled by build.ps1 into WiseCx.Format.ps1xml.
# A column is 'Property', 'Property:date' (local time, to the minute), 'Property:join' (a list joined with commas),
# or 'Property:count' (how many items). Table: the 4-6 most useful columns; List: for Format-List without arguments.
@{
    'WiseCx.Case' = @{
        Table = 'Id', 'Status', 'Priority', 'GroupId', 'Subject', 'CreatedAt:date'
        List  = 'Id', 'Number', 'Subject', 'Status', 'Priority', 'GroupId', 'UserId', 'ContactId', 'SourceChannel', 'Tags:join', 'CreatedAt:date', 'LastUpdate:date', 'SolvedAt:date', 'ClosedAt:date'
    }
    # One object at a time: a list reads better than a table.
    'WiseCx.Session' = @{
        List  = 'User', 'BaseUri', 'IsConnected', 'TokenExpiresAt:date', 'RequestsThisMinute', 'RequestsPerMinute', 'RequestsToday', 'DailyRequestLimit', 'RequestCount'
    }
    'WiseCx.CaseActivityWebhookEvent' = @{
        Table = 'Event', 'CaseId', 'ActivityId', 'ActivityType', 'ReceivedAt:date'
    }
    'WiseCx.SurveyWebhookEvent' = @{
        Table = 'Event', 'CaseId', 'UrlSurvey', 'ReceivedAt:date'
    }
    'WiseCx.MeliOrderWebhookEvent' = @{
        Table = 'Event', 'OrderId', 'ReceivedAt:date'
    }
}
