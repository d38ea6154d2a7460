// Switchboard on Azure Functions Flex Consumption with identity-based storage (README, "Deploy to Azure").
//
//   az deployment group create -g <resource-group> -f infra/main.bicep -p infra/main.parameters.json \
//     -p ingestKey=<secret> adminKey=<secret>
//
// Samples followed, cited per resource below:
//   [QS] Azure-Samples/functions-quickstart-dotnet-azd, infra/
//   [FX] Azure-Samples/azure-functions-flex-consumption-samples, IaC/bicep/ and starters/http/dotnet/infra/
// Unlike [QS] this deploys into an existing resource group and uses plain resources instead of registry
// modules, so the file can be read (and deployed) without pulling anything else.

targetScope = 'resourceGroup'

@description('Azure region for every resource; it must offer Flex Consumption.')
param location string = resourceGroup().location

@minLength(2)
@maxLength(40)
@description('Function app name; also the host name <appName>.azurewebsites.net, so it must be globally unique. The plan, identity and monitoring resources are named after it.')
param appName string = 'switchboard-${uniqueString(resourceGroup().id)}'

@minLength(3)
@maxLength(24)
@description('Storage account name (lowercase letters and digits, globally unique).')
param storageAccountName string = 'st${uniqueString(resourceGroup().id)}'

@minValue(40)
@maxValue(1000)
@description('The most instances Flex Consumption may scale out to.')
param maximumInstanceCount int = 100

@allowed([
  2048
  4096
])
@description('Memory of each instance, in MB.')
param instanceMemoryMB int = 2048

@secure()
@description('The key platforms send as ?code= (Ingest:Keys:0); also register it as a host function key (README, Deploy to Azure), since the Functions host checks ?code= first. Letters and digits only, so it needs no escaping in a URL.')
param ingestKey string

@secure()
@description('The key callers of the admin API send in the x-switchboard-admin-key header (Admin:Keys:0).')
param adminKey string

@minValue(1)
@description('The largest event body accepted, in bytes (Ingest:MaxBodyBytes).')
param ingestMaxBodyBytes int = 1048576

@description('How long triggers read from table storage are cached, hh:mm:ss (Triggers:CacheDuration).')
param triggersCacheDuration string = '00:10:00'

@description('Time after a session ends before its archive is written, hh:mm:ss (Export:Delay).')
param exportDelay string = '00:15:00'

@minLength(3)
@maxLength(63)
@description('Blob container of the session archive; created here (Export:Container).')
param exportContainerName string = 'switchboard-sessions'

@description('Optional folder prefix inside the export container (Export:FolderPath).')
param exportFolderPath string = ''

@minValue(1)
@description('The largest recording or media file copied into the archive, in bytes (Export:MaxMediaBytes).')
param exportMaxMediaBytes int = 104857600

@description('The time zone uContact writes its dates in, an IANA or Windows id (Sources:UcontactTimeZone).')
param ucontactTimeZone string = 'UTC'

@description('Browser origins allowed to call the app, e.g. the CRM page running the CCAI adapter bridge; empty allows none.')
param allowedOrigins array = []

// Flex Consumption pulls the app package from this container with the app's identity; naming as in [QS] infra/main.bicep.
var deploymentContainerName = 'app-package-${take(toLower(appName), 32)}-${take(uniqueString(appName, resourceGroup().id), 7)}'

// What the app works in, the same list the app itself creates at start-up (StorageResources.For in
// src/Switchboard/Storage): declared here too, so a deployment has them before the first instance starts.
var tableNames = [
  'Triggers'
  'Deliveries'
  'SessionEvents'
  'EmailSettings'
  'EmailClaims'
  'CrmSettings'
  'CrmSessions'
]
var queueNames = [
  'switchboard-events'
  'switchboard-events-poison'
  'switchboard-jobs'
  'switchboard-jobs-poison'
]
var appContainerNames = [
  'switchboard-claims'
  'switchboard-deliveries'
  'switchboard-session-events'
]

// Built-in role ids, as in [FX] IaC/bicep/rbac.bicep.
var storageRoleIds = [
  'b7e6dc6d-f1e8-4753-8033-0f276bb0955b' // Storage Blob Data Owner: app package, the app's containers, durable leases
  '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // Storage Queue Data Contributor: the app's queues, durable control and work-item queues
  '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // Storage Table Data Contributor: the app's tables, durable history
]
var monitoringMetricsPublisherRoleId = '3913510d-42f4-4e42-8a64-420c390055eb'

// Follows [QS] infra/core/storage/storage-account.bicep: shared key off, so every caller authenticates with Microsoft Entra ID.
resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

// Containers as the blobServices/containers children of [QS] infra/core/storage/storage-account.bicep.
resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource exportContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: exportContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource appContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [for name in appContainerNames: {
  parent: blobService
  name: name
  properties: {
    publicAccess: 'None'
  }
}]

// One policy per account. Its one rule deletes claim-check blobs, the bodies of queue messages too large to travel
// inline, once they are 30 days old. Messages never expire (they are queued with no time to live), but none waits
// long: a scheduled job hides at most 7 days at a time (the queue's limit; a longer wait is queued again, with a new
// blob) and the events queue is drained as events arrive. 30 days leaves room for an outage with no worker running and
// for someone to read a poison message, which names its claim, before the body goes. A message whose blob is gone
// fails as poison and ends in its poison queue; it is never dropped silently.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'deleteOldClaimChecks'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                'switchboard-claims/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: 30
                }
              }
            }
          }
        }
      ]
    }
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for name in tableNames: {
  parent: tableService
  name: name
}]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [for name in queueNames: {
  parent: queueService
  name: name
}]

// Follows [FX] IaC/bicep/core/monitor/loganalytics.bicep.
resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${appName}'
  location: location
  properties: {
    retentionInDays: 30
    sku: {
      name: 'PerGB2018'
    }
  }
}

// Follows [FX] starters/http/dotnet/infra/core/monitor/applicationinsights.bicep: workspace-based with key
// ingestion off, so telemetry is sent with the app's identity (Monitoring Metrics Publisher below).
resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${appName}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    DisableLocalAuth: true
  }
}

// User-assigned, as [QS] infra/main.bicep (apiUserAssignedIdentity): it exists before the app, so its roles are
// granted by the time the app first pulls its package and opens storage.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${appName}'
  location: location
}

// Plain role assignments as in [FX] IaC/bicep/core/host/function.bicep, one per role of [FX] IaC/bicep/rbac.bicep.
resource storageRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for roleId in storageRoleIds: {
  name: guid(storage.id, identity.id, roleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}]

resource monitoringRoleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, identity.id, monitoringMetricsPublisherRoleId)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisherRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Follows [FX] IaC/bicep/core/host/function.bicep (flexFuncPlan).
resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-${appName}'
  location: location
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

// Follows [QS] infra/core/host/functions-flexconsumption.bicep (user-assigned identity, deployment storage
// with UserAssignedIdentity authentication, app settings as a config child), at the API version of
// [FX] IaC/bicep/core/host/function.bicep.
resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  kind: 'functionapp,linux'
  // How `azd deploy` finds the app to publish Functions/ to (the service name in azure.yaml).
  tags: {
    'azd-service-name': 'switchboard'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      // The platform answers CORS for the whole app (the portable host limits it to the ingest route).
      cors: {
        allowedOrigins: allowedOrigins
      }
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
  dependsOn: [
    deploymentContainer
    storageRoleAssignments
  ]
}

// Identity-based AzureWebJobsStorage as in [QS] infra/app/api.bicep (credential + clientId for a user-assigned
// identity) with accountName as in [QS] infra/core/host/functions-flexconsumption.bicep; the Functions host,
// the durable extension and Switchboard's own storage clients all read these same settings.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: {
    AzureWebJobsStorage__accountName: storage.name
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identity.properties.clientId
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'
    Ingest__Keys__0: ingestKey
    Ingest__MaxBodyBytes: string(ingestMaxBodyBytes)
    // What the uContact registration helper puts in the URL: requests reach the worker through the Functions host.
    Ingest__PublicBaseUrl: 'https://${functionApp.properties.defaultHostName}'
    Admin__Keys__0: adminKey
    Triggers__CacheDuration: triggersCacheDuration
    // Webhook receivers in Azure are public; private and loopback targets stay blocked, so a trigger cannot reach
    // the app's own network or the platform's metadata endpoints.
    Delivery__AllowPrivateNetworks: 'false'
    Export__Delay: exportDelay
    Export__Container: exportContainer.name
    Export__FolderPath: exportFolderPath
    Export__MaxMediaBytes: string(exportMaxMediaBytes)
    Sources__UcontactTimeZone: ucontactTimeZone
  }
  dependsOn: [
    monitoringRoleAssignment
  ]
}

@description('The function app name, for `func azure functionapp publish <name>`.')
output functionAppName string = functionApp.name

@description('The app host name; the HTTP API is under https://<host>/api/.')
output defaultHostName string = functionApp.properties.defaultHostName

@description('The app base URL.')
output functionAppUrl string = 'https://${functionApp.properties.defaultHostName}'

@description('The storage account holding queues, tables, the session archive and the app package.')
output storageAccountName string = storage.name
