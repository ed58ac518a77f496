// Every role assignment of the deployment, in one place.
// The app's identity gets data-plane roles only, each scoped to the one resource it touches;
// no control-plane role (Owner, Contributor, Storage Account Contributor, ...) is granted to anyone.
param storageAccountName string
param applicationInsightsName string
param keyVaultName string

@description('Name of the app\'s user-assigned identity.')
param appIdentityName string

@description('Optional principal (the deploying developer) that gets storage data roles for local debugging.')
param userPrincipalId string = ''

@allowed([
  'User'
  'ServicePrincipal'
])
param userPrincipalType string = 'User'

// Built-in role definition ids (the same in every tenant).
var roles = {
  // Host storage (AzureWebJobsStorage): deployment package, host locks and leases, timer and Durable
  // blobs. The Functions documentation asks for Owner on host storage; it differs from Blob Data
  // Contributor only in POSIX ACL management on hierarchical-namespace accounts, which this account is not.
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  // Queue triggers, the sender's deferrals and Durable control/work-item queues (Durable creates its own
  // queues, so Message Processor/Sender would not be enough).
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  // Core tables (consent, outbox, counters, ...) and the Durable instance/history tables.
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  // Entra ID-authenticated telemetry to Application Insights (local auth is disabled).
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
  // Key Vault references: read secret values, nothing else.
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
}

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: appIdentityName
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

var appStorageRoles = [
  roles.storageBlobDataOwner
  roles.storageQueueDataContributor
  roles.storageTableDataContributor
]

// The developer can inspect tables, queues and blobs and run the app locally against this account.
var userStorageRoles = [
  roles.storageBlobDataContributor
  roles.storageQueueDataContributor
  roles.storageTableDataContributor
]

resource appStorage 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in appStorageRoles: {
    name: guid(storage.id, appIdentity.id, roleId)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: appIdentity.properties.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource appMetrics 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, appIdentity.id, roles.monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource appSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appIdentity.id, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource userStorage 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in (empty(userPrincipalId) ? [] : userStorageRoles): {
    name: guid(storage.id, userPrincipalId, roleId)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: userPrincipalId
      principalType: userPrincipalType
    }
  }
]
