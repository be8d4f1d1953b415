/* eslint-disable require-yield */

import { decodeMessage, encodeMessage, MaxLengthError, MaxSizeError, message, streamMessage } from 'protons-runtime'
import type { Codec, DecodeOptions } from 'protons-runtime'
import type { Uint8ArrayList } from 'uint8arraylist'

export interface protos {}

export namespace protos {
  export interface AnchorPeers {
    anchorPeers: protos.AnchorPeer[]
  }

  export namespace AnchorPeers {
    let _codec: Codec<AnchorPeers>

    export const codec = (): Codec<AnchorPeers> => {
      if (_codec == null) {
        _codec = message<AnchorPeers>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if (obj.anchorPeers != null && obj.anchorPeers.length > 0) {
            for (const value of obj.anchorPeers) {
              w.uint32(10)
              protos.AnchorPeer.codec().encode(value, w)
            }
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            anchorPeers: []
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                if (opts.limits?.anchorPeers != null && obj.anchorPeers.length === opts.limits.anchorPeers) {
                  throw new MaxLengthError('Decode error - repeated field "anchorPeers" had too many elements')
                }

                obj.anchorPeers.push(protos.AnchorPeer.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.anchorPeers$
                }))
                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }

          return obj
        }, function * (reader, length, prefix, opts = {}) {
          const obj = {
            anchorPeers: 0
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                if (opts.limits?.anchorPeers != null && obj.anchorPeers === opts.limits.anchorPeers) {
                  throw new MaxLengthError('Streaming decode error - repeated field "anchorPeers" had too many elements')
                }

                for (const evt of protos.AnchorPeer.codec().stream(reader, reader.uint32(), `${prefix}.anchorPeers[]`, {
                  limits: opts.limits?.anchorPeers$
                })) {
                  yield {
                    ...evt,
                    index: obj.anchorPeers
                  }
                }

                obj.anchorPeers++

                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }
        })
      }

      return _codec
    }

    export interface AnchorPeersAnchorPeersHostFieldEvent {
      field: '$.anchorPeers[].host'
      value: string
      index: number
    }

    export interface AnchorPeersAnchorPeersPortFieldEvent {
      field: '$.anchorPeers[].port'
      value: number
      index: number
    }

    export function encode (obj: Partial<AnchorPeers>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, AnchorPeers.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<AnchorPeers>): AnchorPeers {
      return decodeMessage(buf, AnchorPeers.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<AnchorPeers>): Generator<AnchorPeersAnchorPeersHostFieldEvent | AnchorPeersAnchorPeersPortFieldEvent> {
      return streamMessage(buf, AnchorPeers.codec(), opts)
    }
  }

  export interface AnchorPeer {
    host: string
    port: number
  }

  export namespace AnchorPeer {
    let _codec: Codec<AnchorPeer>

    export const codec = (): Codec<AnchorPeer> => {
      if (_codec == null) {
        _codec = message<AnchorPeer>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.host != null && obj.host !== '')) {
            w.uint32(10)
            w.string(obj.host)
          }

          if ((obj.port != null && obj.port !== 0)) {
            w.uint32(16)
            w.int32(obj.port)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            host: '',
            port: 0
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.host = reader.string()
                break
              }
              case 2: {
                obj.port = reader.int32()
                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }

          return obj
        }, function * (reader, length, prefix, opts = {}) {
          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                yield {
                  field: `${prefix}.host`,
                  value: reader.string()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.port`,
                  value: reader.int32()
                }
                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }
        })
      }

      return _codec
    }

    export interface AnchorPeerHostFieldEvent {
      field: '$.host'
      value: string
    }

    export interface AnchorPeerPortFieldEvent {
      field: '$.port'
      value: number
    }

    export function encode (obj: Partial<AnchorPeer>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, AnchorPeer.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<AnchorPeer>): AnchorPeer {
      return decodeMessage(buf, AnchorPeer.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<AnchorPeer>): Generator<AnchorPeerHostFieldEvent | AnchorPeerPortFieldEvent> {
      return streamMessage(buf, AnchorPeer.codec(), opts)
    }
  }

  export interface APIResource {
    policyRef: string
  }

  export namespace APIResource {
    let _codec: Codec<APIResource>

    export const codec = (): Codec<APIResource> => {
      if (_codec == null) {
        _codec = message<APIResource>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.policyRef != null && obj.policyRef !== '')) {
            w.uint32(10)
            w.string(obj.policyRef)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            policyRef: ''
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.policyRef = reader.string()
                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }

          return obj
        }, function * (reader, length, prefix, opts = {}) {
          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                yield {
                  field: `${prefix}.policyRef`,
                  value: reader.string()
                }
                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }
        })
      }

      return _codec
    }

    export interface APIResourcePolicyRefFieldEvent {
      field: '$.policyRef'
      value: string
    }

    export function encode (obj: Partial<APIResource>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, APIResource.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<APIResource>): APIResource {
      return decodeMessage(buf, APIResource.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<APIResource>): Generator<APIResourcePolicyRefFieldEvent> {
      return streamMessage(buf, APIResource.codec(), opts)
    }
  }

  export interface ACLs {
    acls: Map<string, protos.APIResource>
  }

  export namespace ACLs {
    export interface ACLs$aclsEntry {
      key: string
      value?: protos.APIResource
    }

    export namespace ACLs$aclsEntry {
      let _codec: Codec<ACLs$aclsEntry>

      export const codec = (): Codec<ACLs$aclsEntry> => {
        if (_codec == null) {
          _codec = message<ACLs$aclsEntry>((obj, w, opts = {}) => {
            if (opts.lengthDelimited !== false) {
              w.fork()
            }

            if ((obj.key != null && obj.key !== '')) {
              w.uint32(10)
              w.string(obj.key)
            }

            if (obj.value != null) {
              w.uint32(18)
              protos.APIResource.codec().encode(obj.value, w)
            }

            if (opts.lengthDelimited !== false) {
              w.ldelim()
            }
          }, (reader, length, opts = {}) => {
            const obj: any = {
              key: ''
            }

            const end = length == null ? reader.len : reader.pos + length

            while (reader.pos < end) {
              const tag = reader.uint32()

              switch (tag >>> 3) {
                case 1: {
                  obj.key = reader.string()
                  break
                }
                case 2: {
                  obj.value = protos.APIResource.codec().decode(reader, reader.uint32(), {
                    limits: opts.limits?.value
                  })
                  break
                }
                default: {
                  reader.skipType(tag & 7)
                  break
                }
              }
            }

            return obj
          }, function * (reader, length, prefix, opts = {}) {
            const end = length == null ? reader.len : reader.pos + length

            while (reader.pos < end) {
              const tag = reader.uint32()

              switch (tag >>> 3) {
                case 1: {
                  yield {
                    field: `${prefix}.key`,
                    value: reader.string()
                  }
                  break
                }
                case 2: {
                  yield * protos.APIResource.codec().stream(reader, reader.uint32(), `${prefix}.value`, {
                    limits: opts.limits?.value
                  })

                  break
                }
                default: {
                  reader.skipType(tag & 7)
                  break
                }
              }
            }
          })
        }

        return _codec
      }

      export interface ACLs$aclsEntryKeyFieldEvent {
        field: '$.key'
        value: string
      }

      export interface ACLs$aclsEntryValuePolicyRefFieldEvent {
        field: '$.value.policyRef'
        value: string
      }

      export function encode (obj: Partial<ACLs$aclsEntry>): Uint8Array<ArrayBuffer> {
        return encodeMessage(obj, ACLs$aclsEntry.codec())
      }

      export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ACLs$aclsEntry>): ACLs$aclsEntry {
        return decodeMessage(buf, ACLs$aclsEntry.codec(), opts)
      }

      export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ACLs$aclsEntry>): Generator<ACLs$aclsEntryKeyFieldEvent | ACLs$aclsEntryValuePolicyRefFieldEvent> {
        return streamMessage(buf, ACLs$aclsEntry.codec(), opts)
      }
    }

    let _codec: Codec<ACLs>

    export const codec = (): Codec<ACLs> => {
      if (_codec == null) {
        _codec = message<ACLs>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if (obj.acls != null && obj.acls.size > 0) {
            for (const [key, value] of obj.acls.entries()) {
              w.uint32(10)
              protos.ACLs.ACLs$aclsEntry.codec().encode({ key, value }, w)
            }
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            acls: new Map<string, protos.APIResource>()
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                if (opts.limits?.acls != null && obj.acls.size === opts.limits.acls) {
                  throw new MaxSizeError('Decode error - map field "acls" had too many elements')
                }

                const entry = protos.ACLs.ACLs$aclsEntry.codec().decode(reader, reader.uint32(), {
                  limits: {
                    value: opts.limits?.acls$value
                  }
                })
                obj.acls.set(entry.key, entry.value)
                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }

          return obj
        }, function * (reader, length, prefix, opts = {}) {
          const obj = {
            acls: 0
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                if (opts.limits?.acls != null && obj.acls === opts.limits.acls) {
                  throw new MaxLengthError('Decode error - map field "acls" had too many elements')
                }

                yield * protos.ACLs.ACLs$aclsEntry.codec().stream(reader, reader.uint32(), `${prefix}.acls{}`, {
                  limits: {
                    value: opts.limits?.acls$value
                  }
                })

                obj.acls++

                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }
        })
      }

      return _codec
    }

    export interface ACLsAclsPolicyRefFieldEvent {
      field: '$.acls{}.policyRef'
      value: protos.APIResource
      key: string
    }

    export function encode (obj: Partial<ACLs>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, ACLs.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ACLs>): ACLs {
      return decodeMessage(buf, ACLs.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ACLs>): Generator<ACLsAclsPolicyRefFieldEvent> {
      return streamMessage(buf, ACLs.codec(), opts)
    }
  }

  let _codec: Codec<protos>

  export const codec = (): Codec<protos> => {
    if (_codec == null) {
      _codec = message<protos>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {}

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export function encode (obj: Partial<protos>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, protos.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<protos>): protos {
    return decodeMessage(buf, protos.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<protos>): Generator<{}> {
    return streamMessage(buf, protos.codec(), opts)
  }
}
