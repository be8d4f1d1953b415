/* eslint-disable require-yield */

import { decodeMessage, encodeMessage, enumeration, MaxLengthError, message, streamMessage } from 'protons-runtime'
import { alloc as uint8ArrayAlloc } from 'uint8arrays/alloc'
import type { Codec, DecodeOptions } from 'protons-runtime'
import type { Uint8ArrayList } from 'uint8arraylist'

export interface gossip {}

export namespace gossip {
  export interface Envelope {
    payload: Uint8Array<ArrayBuffer>
    signature: Uint8Array<ArrayBuffer>
    secretEnvelope?: gossip.SecretEnvelope
  }

  export namespace Envelope {
    let _codec: Codec<Envelope>

    export const codec = (): Codec<Envelope> => {
      if (_codec == null) {
        _codec = message<Envelope>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.payload != null && obj.payload.byteLength > 0)) {
            w.uint32(10)
            w.bytes(obj.payload)
          }

          if ((obj.signature != null && obj.signature.byteLength > 0)) {
            w.uint32(18)
            w.bytes(obj.signature)
          }

          if (obj.secretEnvelope != null) {
            w.uint32(26)
            gossip.SecretEnvelope.codec().encode(obj.secretEnvelope, w)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            payload: uint8ArrayAlloc(0),
            signature: uint8ArrayAlloc(0)
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.payload = reader.bytes()
                break
              }
              case 2: {
                obj.signature = reader.bytes()
                break
              }
              case 3: {
                obj.secretEnvelope = gossip.SecretEnvelope.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.secretEnvelope
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
                  field: `${prefix}.payload`,
                  value: reader.bytes()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.signature`,
                  value: reader.bytes()
                }
                break
              }
              case 3: {
                yield * gossip.SecretEnvelope.codec().stream(reader, reader.uint32(), `${prefix}.secretEnvelope`, {
                  limits: opts.limits?.secretEnvelope
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

    export interface EnvelopePayloadFieldEvent {
      field: '$.payload'
      value: Uint8Array<ArrayBuffer>
    }

    export interface EnvelopeSignatureFieldEvent {
      field: '$.signature'
      value: Uint8Array<ArrayBuffer>
    }

    export interface EnvelopeSecretEnvelopePayloadFieldEvent {
      field: '$.secretEnvelope.payload'
      value: Uint8Array<ArrayBuffer>
    }

    export interface EnvelopeSecretEnvelopeSignatureFieldEvent {
      field: '$.secretEnvelope.signature'
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<Envelope>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, Envelope.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Envelope>): Envelope {
      return decodeMessage(buf, Envelope.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Envelope>): Generator<EnvelopePayloadFieldEvent | EnvelopeSignatureFieldEvent | EnvelopeSecretEnvelopePayloadFieldEvent | EnvelopeSecretEnvelopeSignatureFieldEvent> {
      return streamMessage(buf, Envelope.codec(), opts)
    }
  }

  export interface SecretEnvelope {
    payload: Uint8Array<ArrayBuffer>
    signature: Uint8Array<ArrayBuffer>
  }

  export namespace SecretEnvelope {
    let _codec: Codec<SecretEnvelope>

    export const codec = (): Codec<SecretEnvelope> => {
      if (_codec == null) {
        _codec = message<SecretEnvelope>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.payload != null && obj.payload.byteLength > 0)) {
            w.uint32(10)
            w.bytes(obj.payload)
          }

          if ((obj.signature != null && obj.signature.byteLength > 0)) {
            w.uint32(18)
            w.bytes(obj.signature)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            payload: uint8ArrayAlloc(0),
            signature: uint8ArrayAlloc(0)
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.payload = reader.bytes()
                break
              }
              case 2: {
                obj.signature = reader.bytes()
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
                  field: `${prefix}.payload`,
                  value: reader.bytes()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.signature`,
                  value: reader.bytes()
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

    export interface SecretEnvelopePayloadFieldEvent {
      field: '$.payload'
      value: Uint8Array<ArrayBuffer>
    }

    export interface SecretEnvelopeSignatureFieldEvent {
      field: '$.signature'
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<SecretEnvelope>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, SecretEnvelope.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SecretEnvelope>): SecretEnvelope {
      return decodeMessage(buf, SecretEnvelope.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SecretEnvelope>): Generator<SecretEnvelopePayloadFieldEvent | SecretEnvelopeSignatureFieldEvent> {
      return streamMessage(buf, SecretEnvelope.codec(), opts)
    }
  }

  export interface Secret {
    internalEndpoint?: string
  }

  export namespace Secret {
    let _codec: Codec<Secret>

    export const codec = (): Codec<Secret> => {
      if (_codec == null) {
        _codec = message<Secret>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if (obj.internalEndpoint != null) {
            w.uint32(10)
            w.string(obj.internalEndpoint)
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
              case 1: {
                obj.internalEndpoint = reader.string()
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
                  field: `${prefix}.internalEndpoint`,
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

    export interface SecretInternalEndpointFieldEvent {
      field: '$.internalEndpoint'
      value: string
    }

    export function encode (obj: Partial<Secret>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, Secret.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Secret>): Secret {
      return decodeMessage(buf, Secret.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Secret>): Generator<SecretInternalEndpointFieldEvent> {
      return streamMessage(buf, Secret.codec(), opts)
    }
  }

  export interface GossipMessage {
    nonce: bigint
    channel: Uint8Array<ArrayBuffer>
    tag: gossip.GossipMessage.Tag
    aliveMsg?: gossip.AliveMessage
    memReq?: gossip.MembershipRequest
    memRes?: gossip.MembershipResponse
    dataMsg?: gossip.DataMessage
    hello?: gossip.GossipHello
    dataDig?: gossip.DataDigest
    dataReq?: gossip.DataRequest
    dataUpdate?: gossip.DataUpdate
    empty?: gossip.Empty
    conn?: gossip.ConnEstablish
    stateInfo?: gossip.StateInfo
    stateSnapshot?: gossip.StateInfoSnapshot
    stateInfoPullReq?: gossip.StateInfoPullRequest
    stateRequest?: gossip.RemoteStateRequest
    stateResponse?: gossip.RemoteStateResponse
    leadershipMsg?: gossip.LeadershipMessage
    peerIdentity?: gossip.PeerIdentity
    ack?: gossip.Acknowledgement
    privateReq?: gossip.RemotePvtDataRequest
    privateRes?: gossip.RemotePvtDataResponse
    privateData?: gossip.PrivateDataMessage
  }

  export namespace GossipMessage {
    export enum Tag {
      UNDEFINED = 'UNDEFINED',
      EMPTY = 'EMPTY',
      ORG_ONLY = 'ORG_ONLY',
      CHAN_ONLY = 'CHAN_ONLY',
      CHAN_AND_ORG = 'CHAN_AND_ORG',
      CHAN_OR_ORG = 'CHAN_OR_ORG'
    }

    enum __TagValues {
      UNDEFINED = 0,
      EMPTY = 1,
      ORG_ONLY = 2,
      CHAN_ONLY = 3,
      CHAN_AND_ORG = 4,
      CHAN_OR_ORG = 5
    }

    export namespace Tag {
      export const codec = (): Codec<Tag> => {
        return enumeration<Tag>(__TagValues)
      }
    }

    let _codec: Codec<GossipMessage>

    export const codec = (): Codec<GossipMessage> => {
      if (_codec == null) {
        _codec = message<GossipMessage>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          obj = { ...obj }

          if (obj.privateData != null) {
            obj.privateRes = undefined
            obj.privateReq = undefined
            obj.ack = undefined
            obj.peerIdentity = undefined
            obj.leadershipMsg = undefined
            obj.stateResponse = undefined
            obj.stateRequest = undefined
            obj.stateInfoPullReq = undefined
            obj.stateSnapshot = undefined
            obj.stateInfo = undefined
            obj.conn = undefined
            obj.empty = undefined
            obj.dataUpdate = undefined
            obj.dataReq = undefined
            obj.dataDig = undefined
            obj.hello = undefined
            obj.dataMsg = undefined
            obj.memRes = undefined
            obj.memReq = undefined
            obj.aliveMsg = undefined
          }

          if (obj.privateRes != null) {
            obj.privateData = undefined
            obj.privateReq = undefined
            obj.ack = undefined
            obj.peerIdentity = undefined
            obj.leadershipMsg = undefined
            obj.stateResponse = undefined
            obj.stateRequest = undefined
            obj.stateInfoPullReq = undefined
            obj.stateSnapshot = undefined
            obj.stateInfo = undefined
            obj.conn = undefined
            obj.empty = undefined
            obj.dataUpdate = undefined
            obj.dataReq = undefined
            obj.dataDig = undefined
            obj.hello = undefined
            obj.dataMsg = undefined
            obj.memRes = undefined
            obj.memReq = undefined
            obj.aliveMsg = undefined
          }

          if (obj.privateReq != null) {
            obj.privateData = undefined
            obj.privateRes = undefined
            obj.ack = undefined
            obj.peerIdentity = undefined
            obj.leadershipMsg = undefined
            obj.stateResponse = undefined
            obj.stateRequest = undefined
            obj.stateInfoPullReq = undefined
            obj.stateSnapshot = undefined
            obj.stateInfo = undefined
            obj.conn = undefined
            obj.empty = undefined
            obj.dataUpdate = undefined
            obj.dataReq = undefined
            obj.dataDig = undefined
            obj.hello = undefined
            obj.dataMsg = undefined
            obj.memRes = undefined
            obj.memReq = undefined
            obj.aliveMsg = undefined
          }

          if (obj.ack != null) {
            obj.privateData = undefined
            obj.privateRes = undefined
            obj.privateReq = undefined
            obj.peerIdentity = undefined
            obj.leadershipMsg = undefined
            obj.stateResponse = undefined
            obj.stateRequest = undefined
            obj.stateInfoPullReq = undefined
            obj.stateSnapshot = undefined
            obj.stateInfo = undefined
            obj.conn = undefined
            obj.empty = undefined
            obj.dataUpdate = undefined
            obj.dataReq = undefined
            obj.dataDig = undefined
            obj.hello = undefined
            obj.dataMsg = undefined
            obj.memRes = undefined
            obj.memReq = undefined
            obj.aliveMsg = undefined
          }

          if (obj.peerIdentity != null) {
            obj.privateData = undefined
            obj.privateRes = undefined
            obj.privateReq = undefined
            obj.ack = undefined
            obj.leadershipMsg = undefined
            obj.stateResponse = undefined
            obj.stateRequest = undefined
            obj.stateInfoPullReq = undefined
            obj.stateSnapshot = undefined
            obj.stateInfo = undefined
            obj.conn = undefined
            obj.empty = undefined
            obj.dataUpdate = undefined
            obj.dataReq = undefined
            obj.dataDig = undefined
            obj.hello = undefined
            obj.dataMsg = undefined
            obj.memRes = undefined
            obj.memReq = undefined
            obj.aliveMsg = undefined
          }

          if (obj.leadershipMsg != null) {
            obj.privateData = undefined
            obj.privateRes = undefined
            obj.privateReq = undefined
            obj.ack = undefined
            obj.peerIdentity = undefined
            obj.stateResponse = undefined
            obj.stateRequest = undefined
            obj.stateInfoPullReq = undefined
            obj.stateSnapshot = undefined
            obj.stateInfo = undefined
            obj.conn = undefined
            obj.empty = undefined
            obj.dataUpdate = undefined
            obj.dataReq = undefined
            obj.dataDig = undefined
            obj.hello = undefined
            obj.dataMsg = undefined
            obj.memRes = undefined
            obj.memReq = undefined
            obj.aliveMsg = undefined
          }

          if (obj.stateResponse != null) {
            obj.privateData = undefined
            obj.privateRes = undefined
            obj.privateReq = undefined
            obj.ack = undefined
            obj.peerIdentity = undefined
            obj.leadershipMsg = undefined
            obj.stateRequest = undefined
            obj.stateInfoPullReq = undefined
            obj.stateSnapshot = undefined
            obj.stateInfo = undefined
            obj.conn = undefined
            obj.empty = undefined
            obj.dataUpdate = undefined
            obj.dataReq = undefined
            obj.dataDig = undefined
            obj.hello = undefined
            obj.dataMsg = undefined
            obj.memRes = undefined
            obj.memReq = undefined
            obj.aliveMsg = undefined
          }

          if (obj.stateRequest != null) {
            obj.privateData = undefined
            obj.privateRes = undefined
            obj.privateReq = undefined
            obj.ack = undefined
            obj.peerIdentity = undefined
            obj.leadershipMsg = undefined
            obj.stateResponse = undefined
            obj.stateInfoPullReq = undefined
            obj.stateSnapshot = undefined
            obj.stateInfo = undefined
            obj.conn = undefined
            obj.empty = undefined
            obj.dataUpdate = undefined
            obj.dataReq = undefined
            obj.dataDig = undefined
            obj.hello = undefined
            obj.dataMsg = undefined
            obj.memRes = undefined
            obj.memReq = undefined
            obj.aliveMsg = undefined
          }

          if (obj.stateInfoPullReq != null) {
            obj.privateData = undefined
            obj.privateRes = undefined
            obj.privateReq = undefined
            obj.ack = undefined
            obj.peerIdentity = undefined
            obj.leadershipMsg = undefined
            obj.stateResponse = undefined
            obj.stateRequest = undefined
            obj.stateSnapshot = undefined
            obj.stateInfo = undefined
            obj.conn = undefined
            obj.empty = undefined
            obj.dataUpdate = undefined
            obj.dataReq = undefined
            obj.dataDig = undefined
            obj.hello = undefined
            obj.dataMsg = undefined
            obj.memRes = undefined
            obj.memReq = undefined
            obj.aliveMsg = undefined
          }

          if (obj.stateSnapshot != null) {
            obj.privateData = undefined
            obj.privateRes = undefined
            obj.privateReq = undefined
            obj.ack = undefined
            obj.peerIdentity = undefined
            obj.leadershipMsg = undefined
            obj.stateResponse = undefined
            obj.stateRequest = undefined
            obj.stateInfoPullReq = undefined
            obj.stateInfo = undefined
            obj.conn = undefined
            obj.empty = undefined
            obj.dataUpdate = undefined
            obj.dataReq = undefined
            obj.dataDig = undefined
            obj.hello = undefined
            obj.dataMsg = undefined
            obj.memRes = undefined
            obj.memReq = undefined
            obj.aliveMsg = undefined
          }

          if (obj.stateInfo != null) {
            obj.privateData = undefined
            obj.privateRes = undefined
            obj.privateReq = undefined
            obj.ack = undefined
            obj.peerIdentity = undefined
            obj.leadershipMsg = undefined
            obj.stateResponse = undefined
            obj.stateRequest = undefined
            obj.stateInfoPullReq = undefined
            obj.stateSnapshot = undefined
            obj.conn = undefined
            obj.empty = undefined
            obj.dataUpdate = undefined
            obj.dataReq = undefined
            obj.dataDig = undefined
            obj.hello = undefined
            obj.dataMsg = undefined
            obj.memRes = undefined
            obj.memReq = undefined
            obj.aliveMsg = undefined
          }

          if (obj.conn != null) {
            obj.privateData = undefined
            obj.privateRes = undefined
            obj.privateReq = undefined
            obj.ack = undefined
            obj.peerIdentity = undefined
            obj.leadershipMsg = undefined
            obj.stateResponse = undefined
            obj.stateRequest = undefined
            obj.stateInfoPullReq = undefined
            obj.stateSnapshot = undefined
            obj.stateInfo = undefined
            obj.empty = undefined
            obj.dataUpdate = undefined
            obj.dataReq = undefined
            obj.dataDig = undefined
            obj.hello = undefined
            obj.dataMsg = undefined
            obj.memRes = undefined
            obj.memReq = undefined
            obj.aliveMsg = undefined
          }

          if (obj.empty != null) {
            obj.privateData = undefined
            obj.privateRes = undefined
            obj.privateReq = undefined
            obj.ack = undefined
            obj.peerIdentity = undefined
            obj.leadershipMsg = undefined
            obj.stateResponse = undefined
            obj.stateRequest = undefined
            obj.stateInfoPullReq = undefined
            obj.stateSnapshot = undefined
            obj.stateInfo = undefined
            obj.conn = undefined
            obj.dataUpdate = undefined
            obj.dataReq = undefined
            obj.dataDig = undefined
            obj.hello = undefined
            obj.dataMsg = undefined
            obj.memRes = undefined
            obj.memReq = undefined
            obj.aliveMsg = undefined
          }

          if (obj.dataUpdate != null) {
            obj.privateData = undefined
            obj.privateRes = undefined
            obj.privateReq = undefined
            obj.ack = undefined
            obj.peerIdentity = undefined
            obj.leadershipMsg = undefined
            obj.stateResponse = undefined
            obj.stateRequest = undefined
            obj.stateInfoPullReq = undefined
            obj.stateSnapshot = undefined
            obj.stateInfo = undefined
            obj.conn = undefined
            obj.empty = undefined
            obj.dataReq = undefined
            obj.dataDig = undefined
            obj.hello = undefined
            obj.dataMsg = undefined
            obj.memRes = undefined
            obj.memReq = undefined
            obj.aliveMsg = undefined
          }

          if (obj.dataReq != null) {
            obj.privateData = undefined
            obj.privateRes = undefined
            obj.privateReq = undefined
            obj.ack = undefined
            obj.peerIdentity = undefined
            obj.leadershipMsg = undefined
            obj.stateResponse = undefined
            obj.stateRequest = undefined
            obj.stateInfoPullReq = undefined
            obj.stateSnapshot = undefined
            obj.stateInfo = undefined
            obj.conn = undefined
            obj.empty = undefined
            obj.dataUpdate = undefined
            obj.dataDig = undefined
            obj.hello = undefined
            obj.dataMsg = undefined
            obj.memRes = undefined
            obj.memReq = undefined
            obj.aliveMsg = undefined
          }

          if (obj.dataDig != null) {
            obj.privateData = undefined
            obj.privateRes = undefined
            obj.privateReq = undefined
            obj.ack = undefined
            obj.peerIdentity = undefined
            obj.leadershipMsg = undefined
            obj.stateResponse = undefined
            obj.stateRequest = undefined
            obj.stateInfoPullReq = undefined
            obj.stateSnapshot = undefined
            obj.stateInfo = undefined
            obj.conn = undefined
            obj.empty = undefined
            obj.dataUpdate = undefined
            obj.dataReq = undefined
            obj.hello = undefined
            obj.dataMsg = undefined
            obj.memRes = undefined
            obj.memReq = undefined
            obj.aliveMsg = undefined
          }

          if (obj.hello != null) {
            obj.privateData = undefined
            obj.privateRes = undefined
            obj.privateReq = undefined
            obj.ack = undefined
            obj.peerIdentity = undefined
            obj.leadershipMsg = undefined
            obj.stateResponse = undefined
            obj.stateRequest = undefined
            obj.stateInfoPullReq = undefined
            obj.stateSnapshot = undefined
            obj.stateInfo = undefined
            obj.conn = undefined
            obj.empty = undefined
            obj.dataUpdate = undefined
            obj.dataReq = undefined
            obj.dataDig = undefined
            obj.dataMsg = undefined
            obj.memRes = undefined
            obj.memReq = undefined
            obj.aliveMsg = undefined
          }

          if (obj.dataMsg != null) {
            obj.privateData = undefined
            obj.privateRes = undefined
            obj.privateReq = undefined
            obj.ack = undefined
            obj.peerIdentity = undefined
            obj.leadershipMsg = undefined
            obj.stateResponse = undefined
            obj.stateRequest = undefined
            obj.stateInfoPullReq = undefined
            obj.stateSnapshot = undefined
            obj.stateInfo = undefined
            obj.conn = undefined
            obj.empty = undefined
            obj.dataUpdate = undefined
            obj.dataReq = undefined
            obj.dataDig = undefined
            obj.hello = undefined
            obj.memRes = undefined
            obj.memReq = undefined
            obj.aliveMsg = undefined
          }

          if (obj.memRes != null) {
            obj.privateData = undefined
            obj.privateRes = undefined
            obj.privateReq = undefined
            obj.ack = undefined
            obj.peerIdentity = undefined
            obj.leadershipMsg = undefined
            obj.stateResponse = undefined
            obj.stateRequest = undefined
            obj.stateInfoPullReq = undefined
            obj.stateSnapshot = undefined
            obj.stateInfo = undefined
            obj.conn = undefined
            obj.empty = undefined
            obj.dataUpdate = undefined
            obj.dataReq = undefined
            obj.dataDig = undefined
            obj.hello = undefined
            obj.dataMsg = undefined
            obj.memReq = undefined
            obj.aliveMsg = undefined
          }

          if (obj.memReq != null) {
            obj.privateData = undefined
            obj.privateRes = undefined
            obj.privateReq = undefined
            obj.ack = undefined
            obj.peerIdentity = undefined
            obj.leadershipMsg = undefined
            obj.stateResponse = undefined
            obj.stateRequest = undefined
            obj.stateInfoPullReq = undefined
            obj.stateSnapshot = undefined
            obj.stateInfo = undefined
            obj.conn = undefined
            obj.empty = undefined
            obj.dataUpdate = undefined
            obj.dataReq = undefined
            obj.dataDig = undefined
            obj.hello = undefined
            obj.dataMsg = undefined
            obj.memRes = undefined
            obj.aliveMsg = undefined
          }

          if (obj.aliveMsg != null) {
            obj.privateData = undefined
            obj.privateRes = undefined
            obj.privateReq = undefined
            obj.ack = undefined
            obj.peerIdentity = undefined
            obj.leadershipMsg = undefined
            obj.stateResponse = undefined
            obj.stateRequest = undefined
            obj.stateInfoPullReq = undefined
            obj.stateSnapshot = undefined
            obj.stateInfo = undefined
            obj.conn = undefined
            obj.empty = undefined
            obj.dataUpdate = undefined
            obj.dataReq = undefined
            obj.dataDig = undefined
            obj.hello = undefined
            obj.dataMsg = undefined
            obj.memRes = undefined
            obj.memReq = undefined
          }

          if ((obj.nonce != null && obj.nonce !== 0n)) {
            w.uint32(8)
            w.uint64(obj.nonce)
          }

          if ((obj.channel != null && obj.channel.byteLength > 0)) {
            w.uint32(18)
            w.bytes(obj.channel)
          }

          if (obj.tag != null && __TagValues[obj.tag] !== 0) {
            w.uint32(24)
            gossip.GossipMessage.Tag.codec().encode(obj.tag, w)
          }

          if (obj.aliveMsg != null) {
            w.uint32(42)
            gossip.AliveMessage.codec().encode(obj.aliveMsg, w)
          }

          if (obj.memReq != null) {
            w.uint32(50)
            gossip.MembershipRequest.codec().encode(obj.memReq, w)
          }

          if (obj.memRes != null) {
            w.uint32(58)
            gossip.MembershipResponse.codec().encode(obj.memRes, w)
          }

          if (obj.dataMsg != null) {
            w.uint32(66)
            gossip.DataMessage.codec().encode(obj.dataMsg, w)
          }

          if (obj.hello != null) {
            w.uint32(74)
            gossip.GossipHello.codec().encode(obj.hello, w)
          }

          if (obj.dataDig != null) {
            w.uint32(82)
            gossip.DataDigest.codec().encode(obj.dataDig, w)
          }

          if (obj.dataReq != null) {
            w.uint32(90)
            gossip.DataRequest.codec().encode(obj.dataReq, w)
          }

          if (obj.dataUpdate != null) {
            w.uint32(98)
            gossip.DataUpdate.codec().encode(obj.dataUpdate, w)
          }

          if (obj.empty != null) {
            w.uint32(106)
            gossip.Empty.codec().encode(obj.empty, w)
          }

          if (obj.conn != null) {
            w.uint32(114)
            gossip.ConnEstablish.codec().encode(obj.conn, w)
          }

          if (obj.stateInfo != null) {
            w.uint32(122)
            gossip.StateInfo.codec().encode(obj.stateInfo, w)
          }

          if (obj.stateSnapshot != null) {
            w.uint32(130)
            gossip.StateInfoSnapshot.codec().encode(obj.stateSnapshot, w)
          }

          if (obj.stateInfoPullReq != null) {
            w.uint32(138)
            gossip.StateInfoPullRequest.codec().encode(obj.stateInfoPullReq, w)
          }

          if (obj.stateRequest != null) {
            w.uint32(146)
            gossip.RemoteStateRequest.codec().encode(obj.stateRequest, w)
          }

          if (obj.stateResponse != null) {
            w.uint32(154)
            gossip.RemoteStateResponse.codec().encode(obj.stateResponse, w)
          }

          if (obj.leadershipMsg != null) {
            w.uint32(162)
            gossip.LeadershipMessage.codec().encode(obj.leadershipMsg, w)
          }

          if (obj.peerIdentity != null) {
            w.uint32(170)
            gossip.PeerIdentity.codec().encode(obj.peerIdentity, w)
          }

          if (obj.ack != null) {
            w.uint32(178)
            gossip.Acknowledgement.codec().encode(obj.ack, w)
          }

          if (obj.privateReq != null) {
            w.uint32(186)
            gossip.RemotePvtDataRequest.codec().encode(obj.privateReq, w)
          }

          if (obj.privateRes != null) {
            w.uint32(194)
            gossip.RemotePvtDataResponse.codec().encode(obj.privateRes, w)
          }

          if (obj.privateData != null) {
            w.uint32(202)
            gossip.PrivateDataMessage.codec().encode(obj.privateData, w)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            nonce: 0n,
            channel: uint8ArrayAlloc(0),
            tag: Tag.UNDEFINED
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.nonce = reader.uint64()
                break
              }
              case 2: {
                obj.channel = reader.bytes()
                break
              }
              case 3: {
                obj.tag = gossip.GossipMessage.Tag.codec().decode(reader)
                break
              }
              case 5: {
                obj.aliveMsg = gossip.AliveMessage.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.aliveMsg
                })
                break
              }
              case 6: {
                obj.memReq = gossip.MembershipRequest.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.memReq
                })
                break
              }
              case 7: {
                obj.memRes = gossip.MembershipResponse.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.memRes
                })
                break
              }
              case 8: {
                obj.dataMsg = gossip.DataMessage.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.dataMsg
                })
                break
              }
              case 9: {
                obj.hello = gossip.GossipHello.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.hello
                })
                break
              }
              case 10: {
                obj.dataDig = gossip.DataDigest.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.dataDig
                })
                break
              }
              case 11: {
                obj.dataReq = gossip.DataRequest.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.dataReq
                })
                break
              }
              case 12: {
                obj.dataUpdate = gossip.DataUpdate.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.dataUpdate
                })
                break
              }
              case 13: {
                obj.empty = gossip.Empty.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.empty
                })
                break
              }
              case 14: {
                obj.conn = gossip.ConnEstablish.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.conn
                })
                break
              }
              case 15: {
                obj.stateInfo = gossip.StateInfo.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.stateInfo
                })
                break
              }
              case 16: {
                obj.stateSnapshot = gossip.StateInfoSnapshot.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.stateSnapshot
                })
                break
              }
              case 17: {
                obj.stateInfoPullReq = gossip.StateInfoPullRequest.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.stateInfoPullReq
                })
                break
              }
              case 18: {
                obj.stateRequest = gossip.RemoteStateRequest.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.stateRequest
                })
                break
              }
              case 19: {
                obj.stateResponse = gossip.RemoteStateResponse.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.stateResponse
                })
                break
              }
              case 20: {
                obj.leadershipMsg = gossip.LeadershipMessage.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.leadershipMsg
                })
                break
              }
              case 21: {
                obj.peerIdentity = gossip.PeerIdentity.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.peerIdentity
                })
                break
              }
              case 22: {
                obj.ack = gossip.Acknowledgement.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.ack
                })
                break
              }
              case 23: {
                obj.privateReq = gossip.RemotePvtDataRequest.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.privateReq
                })
                break
              }
              case 24: {
                obj.privateRes = gossip.RemotePvtDataResponse.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.privateRes
                })
                break
              }
              case 25: {
                obj.privateData = gossip.PrivateDataMessage.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.privateData
                })
                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }

          if (obj.privateData != null) {
            delete obj.privateRes
            delete obj.privateReq
            delete obj.ack
            delete obj.peerIdentity
            delete obj.leadershipMsg
            delete obj.stateResponse
            delete obj.stateRequest
            delete obj.stateInfoPullReq
            delete obj.stateSnapshot
            delete obj.stateInfo
            delete obj.conn
            delete obj.empty
            delete obj.dataUpdate
            delete obj.dataReq
            delete obj.dataDig
            delete obj.hello
            delete obj.dataMsg
            delete obj.memRes
            delete obj.memReq
            delete obj.aliveMsg
          }

          if (obj.privateRes != null) {
            delete obj.privateData
            delete obj.privateReq
            delete obj.ack
            delete obj.peerIdentity
            delete obj.leadershipMsg
            delete obj.stateResponse
            delete obj.stateRequest
            delete obj.stateInfoPullReq
            delete obj.stateSnapshot
            delete obj.stateInfo
            delete obj.conn
            delete obj.empty
            delete obj.dataUpdate
            delete obj.dataReq
            delete obj.dataDig
            delete obj.hello
            delete obj.dataMsg
            delete obj.memRes
            delete obj.memReq
            delete obj.aliveMsg
          }

          if (obj.privateReq != null) {
            delete obj.privateData
            delete obj.privateRes
            delete obj.ack
            delete obj.peerIdentity
            delete obj.leadershipMsg
            delete obj.stateResponse
            delete obj.stateRequest
            delete obj.stateInfoPullReq
            delete obj.stateSnapshot
            delete obj.stateInfo
            delete obj.conn
            delete obj.empty
            delete obj.dataUpdate
            delete obj.dataReq
            delete obj.dataDig
            delete obj.hello
            delete obj.dataMsg
            delete obj.memRes
            delete obj.memReq
            delete obj.aliveMsg
          }

          if (obj.ack != null) {
            delete obj.privateData
            delete obj.privateRes
            delete obj.privateReq
            delete obj.peerIdentity
            delete obj.leadershipMsg
            delete obj.stateResponse
            delete obj.stateRequest
            delete obj.stateInfoPullReq
            delete obj.stateSnapshot
            delete obj.stateInfo
            delete obj.conn
            delete obj.empty
            delete obj.dataUpdate
            delete obj.dataReq
            delete obj.dataDig
            delete obj.hello
            delete obj.dataMsg
            delete obj.memRes
            delete obj.memReq
            delete obj.aliveMsg
          }

          if (obj.peerIdentity != null) {
            delete obj.privateData
            delete obj.privateRes
            delete obj.privateReq
            delete obj.ack
            delete obj.leadershipMsg
            delete obj.stateResponse
            delete obj.stateRequest
            delete obj.stateInfoPullReq
            delete obj.stateSnapshot
            delete obj.stateInfo
            delete obj.conn
            delete obj.empty
            delete obj.dataUpdate
            delete obj.dataReq
            delete obj.dataDig
            delete obj.hello
            delete obj.dataMsg
            delete obj.memRes
            delete obj.memReq
            delete obj.aliveMsg
          }

          if (obj.leadershipMsg != null) {
            delete obj.privateData
            delete obj.privateRes
            delete obj.privateReq
            delete obj.ack
            delete obj.peerIdentity
            delete obj.stateResponse
            delete obj.stateRequest
            delete obj.stateInfoPullReq
            delete obj.stateSnapshot
            delete obj.stateInfo
            delete obj.conn
            delete obj.empty
            delete obj.dataUpdate
            delete obj.dataReq
            delete obj.dataDig
            delete obj.hello
            delete obj.dataMsg
            delete obj.memRes
            delete obj.memReq
            delete obj.aliveMsg
          }

          if (obj.stateResponse != null) {
            delete obj.privateData
            delete obj.privateRes
            delete obj.privateReq
            delete obj.ack
            delete obj.peerIdentity
            delete obj.leadershipMsg
            delete obj.stateRequest
            delete obj.stateInfoPullReq
            delete obj.stateSnapshot
            delete obj.stateInfo
            delete obj.conn
            delete obj.empty
            delete obj.dataUpdate
            delete obj.dataReq
            delete obj.dataDig
            delete obj.hello
            delete obj.dataMsg
            delete obj.memRes
            delete obj.memReq
            delete obj.aliveMsg
          }

          if (obj.stateRequest != null) {
            delete obj.privateData
            delete obj.privateRes
            delete obj.privateReq
            delete obj.ack
            delete obj.peerIdentity
            delete obj.leadershipMsg
            delete obj.stateResponse
            delete obj.stateInfoPullReq
            delete obj.stateSnapshot
            delete obj.stateInfo
            delete obj.conn
            delete obj.empty
            delete obj.dataUpdate
            delete obj.dataReq
            delete obj.dataDig
            delete obj.hello
            delete obj.dataMsg
            delete obj.memRes
            delete obj.memReq
            delete obj.aliveMsg
          }

          if (obj.stateInfoPullReq != null) {
            delete obj.privateData
            delete obj.privateRes
            delete obj.privateReq
            delete obj.ack
            delete obj.peerIdentity
            delete obj.leadershipMsg
            delete obj.stateResponse
            delete obj.stateRequest
            delete obj.stateSnapshot
            delete obj.stateInfo
            delete obj.conn
            delete obj.empty
            delete obj.dataUpdate
            delete obj.dataReq
            delete obj.dataDig
            delete obj.hello
            delete obj.dataMsg
            delete obj.memRes
            delete obj.memReq
            delete obj.aliveMsg
          }

          if (obj.stateSnapshot != null) {
            delete obj.privateData
            delete obj.privateRes
            delete obj.privateReq
            delete obj.ack
            delete obj.peerIdentity
            delete obj.leadershipMsg
            delete obj.stateResponse
            delete obj.stateRequest
            delete obj.stateInfoPullReq
            delete obj.stateInfo
            delete obj.conn
            delete obj.empty
            delete obj.dataUpdate
            delete obj.dataReq
            delete obj.dataDig
            delete obj.hello
            delete obj.dataMsg
            delete obj.memRes
            delete obj.memReq
            delete obj.aliveMsg
          }

          if (obj.stateInfo != null) {
            delete obj.privateData
            delete obj.privateRes
            delete obj.privateReq
            delete obj.ack
            delete obj.peerIdentity
            delete obj.leadershipMsg
            delete obj.stateResponse
            delete obj.stateRequest
            delete obj.stateInfoPullReq
            delete obj.stateSnapshot
            delete obj.conn
            delete obj.empty
            delete obj.dataUpdate
            delete obj.dataReq
            delete obj.dataDig
            delete obj.hello
            delete obj.dataMsg
            delete obj.memRes
            delete obj.memReq
            delete obj.aliveMsg
          }

          if (obj.conn != null) {
            delete obj.privateData
            delete obj.privateRes
            delete obj.privateReq
            delete obj.ack
            delete obj.peerIdentity
            delete obj.leadershipMsg
            delete obj.stateResponse
            delete obj.stateRequest
            delete obj.stateInfoPullReq
            delete obj.stateSnapshot
            delete obj.stateInfo
            delete obj.empty
            delete obj.dataUpdate
            delete obj.dataReq
            delete obj.dataDig
            delete obj.hello
            delete obj.dataMsg
            delete obj.memRes
            delete obj.memReq
            delete obj.aliveMsg
          }

          if (obj.empty != null) {
            delete obj.privateData
            delete obj.privateRes
            delete obj.privateReq
            delete obj.ack
            delete obj.peerIdentity
            delete obj.leadershipMsg
            delete obj.stateResponse
            delete obj.stateRequest
            delete obj.stateInfoPullReq
            delete obj.stateSnapshot
            delete obj.stateInfo
            delete obj.conn
            delete obj.dataUpdate
            delete obj.dataReq
            delete obj.dataDig
            delete obj.hello
            delete obj.dataMsg
            delete obj.memRes
            delete obj.memReq
            delete obj.aliveMsg
          }

          if (obj.dataUpdate != null) {
            delete obj.privateData
            delete obj.privateRes
            delete obj.privateReq
            delete obj.ack
            delete obj.peerIdentity
            delete obj.leadershipMsg
            delete obj.stateResponse
            delete obj.stateRequest
            delete obj.stateInfoPullReq
            delete obj.stateSnapshot
            delete obj.stateInfo
            delete obj.conn
            delete obj.empty
            delete obj.dataReq
            delete obj.dataDig
            delete obj.hello
            delete obj.dataMsg
            delete obj.memRes
            delete obj.memReq
            delete obj.aliveMsg
          }

          if (obj.dataReq != null) {
            delete obj.privateData
            delete obj.privateRes
            delete obj.privateReq
            delete obj.ack
            delete obj.peerIdentity
            delete obj.leadershipMsg
            delete obj.stateResponse
            delete obj.stateRequest
            delete obj.stateInfoPullReq
            delete obj.stateSnapshot
            delete obj.stateInfo
            delete obj.conn
            delete obj.empty
            delete obj.dataUpdate
            delete obj.dataDig
            delete obj.hello
            delete obj.dataMsg
            delete obj.memRes
            delete obj.memReq
            delete obj.aliveMsg
          }

          if (obj.dataDig != null) {
            delete obj.privateData
            delete obj.privateRes
            delete obj.privateReq
            delete obj.ack
            delete obj.peerIdentity
            delete obj.leadershipMsg
            delete obj.stateResponse
            delete obj.stateRequest
            delete obj.stateInfoPullReq
            delete obj.stateSnapshot
            delete obj.stateInfo
            delete obj.conn
            delete obj.empty
            delete obj.dataUpdate
            delete obj.dataReq
            delete obj.hello
            delete obj.dataMsg
            delete obj.memRes
            delete obj.memReq
            delete obj.aliveMsg
          }

          if (obj.hello != null) {
            delete obj.privateData
            delete obj.privateRes
            delete obj.privateReq
            delete obj.ack
            delete obj.peerIdentity
            delete obj.leadershipMsg
            delete obj.stateResponse
            delete obj.stateRequest
            delete obj.stateInfoPullReq
            delete obj.stateSnapshot
            delete obj.stateInfo
            delete obj.conn
            delete obj.empty
            delete obj.dataUpdate
            delete obj.dataReq
            delete obj.dataDig
            delete obj.dataMsg
            delete obj.memRes
            delete obj.memReq
            delete obj.aliveMsg
          }

          if (obj.dataMsg != null) {
            delete obj.privateData
            delete obj.privateRes
            delete obj.privateReq
            delete obj.ack
            delete obj.peerIdentity
            delete obj.leadershipMsg
            delete obj.stateResponse
            delete obj.stateRequest
            delete obj.stateInfoPullReq
            delete obj.stateSnapshot
            delete obj.stateInfo
            delete obj.conn
            delete obj.empty
            delete obj.dataUpdate
            delete obj.dataReq
            delete obj.dataDig
            delete obj.hello
            delete obj.memRes
            delete obj.memReq
            delete obj.aliveMsg
          }

          if (obj.memRes != null) {
            delete obj.privateData
            delete obj.privateRes
            delete obj.privateReq
            delete obj.ack
            delete obj.peerIdentity
            delete obj.leadershipMsg
            delete obj.stateResponse
            delete obj.stateRequest
            delete obj.stateInfoPullReq
            delete obj.stateSnapshot
            delete obj.stateInfo
            delete obj.conn
            delete obj.empty
            delete obj.dataUpdate
            delete obj.dataReq
            delete obj.dataDig
            delete obj.hello
            delete obj.dataMsg
            delete obj.memReq
            delete obj.aliveMsg
          }

          if (obj.memReq != null) {
            delete obj.privateData
            delete obj.privateRes
            delete obj.privateReq
            delete obj.ack
            delete obj.peerIdentity
            delete obj.leadershipMsg
            delete obj.stateResponse
            delete obj.stateRequest
            delete obj.stateInfoPullReq
            delete obj.stateSnapshot
            delete obj.stateInfo
            delete obj.conn
            delete obj.empty
            delete obj.dataUpdate
            delete obj.dataReq
            delete obj.dataDig
            delete obj.hello
            delete obj.dataMsg
            delete obj.memRes
            delete obj.aliveMsg
          }

          if (obj.aliveMsg != null) {
            delete obj.privateData
            delete obj.privateRes
            delete obj.privateReq
            delete obj.ack
            delete obj.peerIdentity
            delete obj.leadershipMsg
            delete obj.stateResponse
            delete obj.stateRequest
            delete obj.stateInfoPullReq
            delete obj.stateSnapshot
            delete obj.stateInfo
            delete obj.conn
            delete obj.empty
            delete obj.dataUpdate
            delete obj.dataReq
            delete obj.dataDig
            delete obj.hello
            delete obj.dataMsg
            delete obj.memRes
            delete obj.memReq
          }

          return obj
        }, function * (reader, length, prefix, opts = {}) {
          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                yield {
                  field: `${prefix}.nonce`,
                  value: reader.uint64()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.channel`,
                  value: reader.bytes()
                }
                break
              }
              case 3: {
                yield {
                  field: `${prefix}.tag`,
                  value: gossip.GossipMessage.Tag.codec().decode(reader)
                }
                break
              }
              case 5: {
                yield * gossip.AliveMessage.codec().stream(reader, reader.uint32(), `${prefix}.aliveMsg`, {
                  limits: opts.limits?.aliveMsg
                })

                break
              }
              case 6: {
                yield * gossip.MembershipRequest.codec().stream(reader, reader.uint32(), `${prefix}.memReq`, {
                  limits: opts.limits?.memReq
                })

                break
              }
              case 7: {
                yield * gossip.MembershipResponse.codec().stream(reader, reader.uint32(), `${prefix}.memRes`, {
                  limits: opts.limits?.memRes
                })

                break
              }
              case 8: {
                yield * gossip.DataMessage.codec().stream(reader, reader.uint32(), `${prefix}.dataMsg`, {
                  limits: opts.limits?.dataMsg
                })

                break
              }
              case 9: {
                yield * gossip.GossipHello.codec().stream(reader, reader.uint32(), `${prefix}.hello`, {
                  limits: opts.limits?.hello
                })

                break
              }
              case 10: {
                yield * gossip.DataDigest.codec().stream(reader, reader.uint32(), `${prefix}.dataDig`, {
                  limits: opts.limits?.dataDig
                })

                break
              }
              case 11: {
                yield * gossip.DataRequest.codec().stream(reader, reader.uint32(), `${prefix}.dataReq`, {
                  limits: opts.limits?.dataReq
                })

                break
              }
              case 12: {
                yield * gossip.DataUpdate.codec().stream(reader, reader.uint32(), `${prefix}.dataUpdate`, {
                  limits: opts.limits?.dataUpdate
                })

                break
              }
              case 13: {
                yield * gossip.Empty.codec().stream(reader, reader.uint32(), `${prefix}.empty`, {
                  limits: opts.limits?.empty
                })

                break
              }
              case 14: {
                yield * gossip.ConnEstablish.codec().stream(reader, reader.uint32(), `${prefix}.conn`, {
                  limits: opts.limits?.conn
                })

                break
              }
              case 15: {
                yield * gossip.StateInfo.codec().stream(reader, reader.uint32(), `${prefix}.stateInfo`, {
                  limits: opts.limits?.stateInfo
                })

                break
              }
              case 16: {
                yield * gossip.StateInfoSnapshot.codec().stream(reader, reader.uint32(), `${prefix}.stateSnapshot`, {
                  limits: opts.limits?.stateSnapshot
                })

                break
              }
              case 17: {
                yield * gossip.StateInfoPullRequest.codec().stream(reader, reader.uint32(), `${prefix}.stateInfoPullReq`, {
                  limits: opts.limits?.stateInfoPullReq
                })

                break
              }
              case 18: {
                yield * gossip.RemoteStateRequest.codec().stream(reader, reader.uint32(), `${prefix}.stateRequest`, {
                  limits: opts.limits?.stateRequest
                })

                break
              }
              case 19: {
                yield * gossip.RemoteStateResponse.codec().stream(reader, reader.uint32(), `${prefix}.stateResponse`, {
                  limits: opts.limits?.stateResponse
                })

                break
              }
              case 20: {
                yield * gossip.LeadershipMessage.codec().stream(reader, reader.uint32(), `${prefix}.leadershipMsg`, {
                  limits: opts.limits?.leadershipMsg
                })

                break
              }
              case 21: {
                yield * gossip.PeerIdentity.codec().stream(reader, reader.uint32(), `${prefix}.peerIdentity`, {
                  limits: opts.limits?.peerIdentity
                })

                break
              }
              case 22: {
                yield * gossip.Acknowledgement.codec().stream(reader, reader.uint32(), `${prefix}.ack`, {
                  limits: opts.limits?.ack
                })

                break
              }
              case 23: {
                yield * gossip.RemotePvtDataRequest.codec().stream(reader, reader.uint32(), `${prefix}.privateReq`, {
                  limits: opts.limits?.privateReq
                })

                break
              }
              case 24: {
                yield * gossip.RemotePvtDataResponse.codec().stream(reader, reader.uint32(), `${prefix}.privateRes`, {
                  limits: opts.limits?.privateRes
                })

                break
              }
              case 25: {
                yield * gossip.PrivateDataMessage.codec().stream(reader, reader.uint32(), `${prefix}.privateData`, {
                  limits: opts.limits?.privateData
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

    export interface GossipMessageNonceFieldEvent {
      field: '$.nonce'
      value: bigint
    }

    export interface GossipMessageChannelFieldEvent {
      field: '$.channel'
      value: Uint8Array<ArrayBuffer>
    }

    export interface GossipMessageTagFieldEvent {
      field: '$.tag'
      value: gossip.GossipMessage.Tag
    }

    export interface GossipMessageAliveMsgMembershipEndpointFieldEvent {
      field: '$.aliveMsg.membership.endpoint'
      value: string
    }

    export interface GossipMessageAliveMsgMembershipMetadataFieldEvent {
      field: '$.aliveMsg.membership.metadata'
      value: Uint8Array<ArrayBuffer>
    }

    export interface GossipMessageAliveMsgMembershipPkiIdFieldEvent {
      field: '$.aliveMsg.membership.pkiId'
      value: Uint8Array<ArrayBuffer>
    }

    export interface GossipMessageAliveMsgTimestampIncNumFieldEvent {
      field: '$.aliveMsg.timestamp.incNum'
      value: bigint
    }

    export interface GossipMessageAliveMsgTimestampSeqNumFieldEvent {
      field: '$.aliveMsg.timestamp.seqNum'
      value: bigint
    }

    export interface GossipMessageAliveMsgIdentityFieldEvent {
      field: '$.aliveMsg.identity'
      value: Uint8Array<ArrayBuffer>
    }

    export interface GossipMessageMemReqSelfInformationPayloadFieldEvent {
      field: '$.memReq.selfInformation.payload'
      value: Uint8Array<ArrayBuffer>
    }

    export interface GossipMessageMemReqSelfInformationSignatureFieldEvent {
      field: '$.memReq.selfInformation.signature'
      value: Uint8Array<ArrayBuffer>
    }

    export interface GossipMessageMemReqSelfInformationSecretEnvelopePayloadFieldEvent {
      field: '$.memReq.selfInformation.secretEnvelope.payload'
      value: Uint8Array<ArrayBuffer>
    }

    export interface GossipMessageMemReqSelfInformationSecretEnvelopeSignatureFieldEvent {
      field: '$.memReq.selfInformation.secretEnvelope.signature'
      value: Uint8Array<ArrayBuffer>
    }

    export interface GossipMessageMemReqKnownFieldEvent {
      field: '$.memReq.known[]'
      index: number
      value: Uint8Array<ArrayBuffer>
    }

    export interface GossipMessageMemResAlivePayloadFieldEvent {
      field: '$.memRes.alive[].payload'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export interface GossipMessageMemResAliveSignatureFieldEvent {
      field: '$.memRes.alive[].signature'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export interface GossipMessageMemResAliveSecretEnvelopePayloadFieldEvent {
      field: '$.memRes.alive[].secretEnvelope.payload'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export interface GossipMessageMemResAliveSecretEnvelopeSignatureFieldEvent {
      field: '$.memRes.alive[].secretEnvelope.signature'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export interface GossipMessageMemResDeadPayloadFieldEvent {
      field: '$.memRes.dead[].payload'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export interface GossipMessageMemResDeadSignatureFieldEvent {
      field: '$.memRes.dead[].signature'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export interface GossipMessageMemResDeadSecretEnvelopePayloadFieldEvent {
      field: '$.memRes.dead[].secretEnvelope.payload'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export interface GossipMessageMemResDeadSecretEnvelopeSignatureFieldEvent {
      field: '$.memRes.dead[].secretEnvelope.signature'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export interface GossipMessageDataMsgPayloadSeqNumFieldEvent {
      field: '$.dataMsg.payload.seqNum'
      value: bigint
    }

    export interface GossipMessageDataMsgPayloadDataFieldEvent {
      field: '$.dataMsg.payload.data'
      value: Uint8Array<ArrayBuffer>
    }

    export interface GossipMessageDataMsgPayloadPrivateDataFieldEvent {
      field: '$.dataMsg.payload.privateData[]'
      index: number
      value: Uint8Array<ArrayBuffer>
    }

    export interface GossipMessageHelloNonceFieldEvent {
      field: '$.hello.nonce'
      value: bigint
    }

    export interface GossipMessageHelloMetadataFieldEvent {
      field: '$.hello.metadata'
      value: Uint8Array<ArrayBuffer>
    }

    export interface GossipMessageHelloMsgTypeFieldEvent {
      field: '$.hello.msgType'
      value: gossip.PullMsgType
    }

    export interface GossipMessageDataDigNonceFieldEvent {
      field: '$.dataDig.nonce'
      value: bigint
    }

    export interface GossipMessageDataDigDigestsFieldEvent {
      field: '$.dataDig.digests[]'
      index: number
      value: Uint8Array<ArrayBuffer>
    }

    export interface GossipMessageDataDigMsgTypeFieldEvent {
      field: '$.dataDig.msgType'
      value: gossip.PullMsgType
    }

    export interface GossipMessageDataReqNonceFieldEvent {
      field: '$.dataReq.nonce'
      value: bigint
    }

    export interface GossipMessageDataReqDigestsFieldEvent {
      field: '$.dataReq.digests[]'
      index: number
      value: Uint8Array<ArrayBuffer>
    }

    export interface GossipMessageDataReqMsgTypeFieldEvent {
      field: '$.dataReq.msgType'
      value: gossip.PullMsgType
    }

    export interface GossipMessageDataUpdateNonceFieldEvent {
      field: '$.dataUpdate.nonce'
      value: bigint
    }

    export interface GossipMessageDataUpdateDataPayloadFieldEvent {
      field: '$.dataUpdate.data[].payload'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export interface GossipMessageDataUpdateDataSignatureFieldEvent {
      field: '$.dataUpdate.data[].signature'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export interface GossipMessageDataUpdateDataSecretEnvelopePayloadFieldEvent {
      field: '$.dataUpdate.data[].secretEnvelope.payload'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export interface GossipMessageDataUpdateDataSecretEnvelopeSignatureFieldEvent {
      field: '$.dataUpdate.data[].secretEnvelope.signature'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export interface GossipMessageDataUpdateMsgTypeFieldEvent {
      field: '$.dataUpdate.msgType'
      value: gossip.PullMsgType
    }

    export interface GossipMessageConnPkiIdFieldEvent {
      field: '$.conn.pkiId'
      value: Uint8Array<ArrayBuffer>
    }

    export interface GossipMessageConnIdentityFieldEvent {
      field: '$.conn.identity'
      value: Uint8Array<ArrayBuffer>
    }

    export interface GossipMessageConnTlsCertHashFieldEvent {
      field: '$.conn.tlsCertHash'
      value: Uint8Array<ArrayBuffer>
    }

    export interface GossipMessageConnProbeFieldEvent {
      field: '$.conn.probe'
      value: boolean
    }

    export interface GossipMessageStateInfoTimestampIncNumFieldEvent {
      field: '$.stateInfo.timestamp.incNum'
      value: bigint
    }

    export interface GossipMessageStateInfoTimestampSeqNumFieldEvent {
      field: '$.stateInfo.timestamp.seqNum'
      value: bigint
    }

    export interface GossipMessageStateInfoPkiIdFieldEvent {
      field: '$.stateInfo.pkiId'
      value: Uint8Array<ArrayBuffer>
    }

    export interface GossipMessageStateInfoChannel_MACFieldEvent {
      field: '$.stateInfo.channel_MAC'
      value: Uint8Array<ArrayBuffer>
    }

    export interface GossipMessageStateInfoPropertiesLedgerHeightFieldEvent {
      field: '$.stateInfo.properties.ledgerHeight'
      value: bigint
    }

    export interface GossipMessageStateInfoPropertiesLeftChannelFieldEvent {
      field: '$.stateInfo.properties.leftChannel'
      value: boolean
    }

    export interface GossipMessageStateInfoPropertiesChaincodesNameFieldEvent {
      field: '$.stateInfo.properties.chaincodes[].name'
      value: string
      index: number
    }

    export interface GossipMessageStateInfoPropertiesChaincodesVersionFieldEvent {
      field: '$.stateInfo.properties.chaincodes[].version'
      value: string
      index: number
    }

    export interface GossipMessageStateInfoPropertiesChaincodesMetadataFieldEvent {
      field: '$.stateInfo.properties.chaincodes[].metadata'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export interface GossipMessageStateSnapshotElementsPayloadFieldEvent {
      field: '$.stateSnapshot.elements[].payload'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export interface GossipMessageStateSnapshotElementsSignatureFieldEvent {
      field: '$.stateSnapshot.elements[].signature'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export interface GossipMessageStateSnapshotElementsSecretEnvelopePayloadFieldEvent {
      field: '$.stateSnapshot.elements[].secretEnvelope.payload'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export interface GossipMessageStateSnapshotElementsSecretEnvelopeSignatureFieldEvent {
      field: '$.stateSnapshot.elements[].secretEnvelope.signature'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export interface GossipMessageStateInfoPullReqChannel_MACFieldEvent {
      field: '$.stateInfoPullReq.channel_MAC'
      value: Uint8Array<ArrayBuffer>
    }

    export interface GossipMessageStateRequestStartSeqNumFieldEvent {
      field: '$.stateRequest.startSeqNum'
      value: bigint
    }

    export interface GossipMessageStateRequestEndSeqNumFieldEvent {
      field: '$.stateRequest.endSeqNum'
      value: bigint
    }

    export interface GossipMessageStateResponsePayloadsSeqNumFieldEvent {
      field: '$.stateResponse.payloads[].seqNum'
      value: bigint
      index: number
    }

    export interface GossipMessageStateResponsePayloadsDataFieldEvent {
      field: '$.stateResponse.payloads[].data'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export interface GossipMessageStateResponsePayloadsPrivateDataFieldEvent {
      field: '$.stateResponse.payloads[].privateData[]'
      index: number
      value: Uint8Array<ArrayBuffer>
    }

    export interface GossipMessageLeadershipMsgPkiIdFieldEvent {
      field: '$.leadershipMsg.pkiId'
      value: Uint8Array<ArrayBuffer>
    }

    export interface GossipMessageLeadershipMsgTimestampIncNumFieldEvent {
      field: '$.leadershipMsg.timestamp.incNum'
      value: bigint
    }

    export interface GossipMessageLeadershipMsgTimestampSeqNumFieldEvent {
      field: '$.leadershipMsg.timestamp.seqNum'
      value: bigint
    }

    export interface GossipMessageLeadershipMsgIsDeclarationFieldEvent {
      field: '$.leadershipMsg.isDeclaration'
      value: boolean
    }

    export interface GossipMessagePeerIdentityPkiIdFieldEvent {
      field: '$.peerIdentity.pkiId'
      value: Uint8Array<ArrayBuffer>
    }

    export interface GossipMessagePeerIdentityCertFieldEvent {
      field: '$.peerIdentity.cert'
      value: Uint8Array<ArrayBuffer>
    }

    export interface GossipMessagePeerIdentityMetadataFieldEvent {
      field: '$.peerIdentity.metadata'
      value: Uint8Array<ArrayBuffer>
    }

    export interface GossipMessageAckErrorFieldEvent {
      field: '$.ack.error'
      value: string
    }

    export interface GossipMessagePrivateReqDigestsTxIdFieldEvent {
      field: '$.privateReq.digests[].txId'
      value: string
      index: number
    }

    export interface GossipMessagePrivateReqDigestsNamespaceFieldEvent {
      field: '$.privateReq.digests[].namespace'
      value: string
      index: number
    }

    export interface GossipMessagePrivateReqDigestsCollectionFieldEvent {
      field: '$.privateReq.digests[].collection'
      value: string
      index: number
    }

    export interface GossipMessagePrivateReqDigestsBlockSeqFieldEvent {
      field: '$.privateReq.digests[].blockSeq'
      value: bigint
      index: number
    }

    export interface GossipMessagePrivateReqDigestsSeqInBlockFieldEvent {
      field: '$.privateReq.digests[].seqInBlock'
      value: bigint
      index: number
    }

    export interface GossipMessagePrivateResElementsDigestTxIdFieldEvent {
      field: '$.privateRes.elements[].digest.txId'
      value: string
      index: number
    }

    export interface GossipMessagePrivateResElementsDigestNamespaceFieldEvent {
      field: '$.privateRes.elements[].digest.namespace'
      value: string
      index: number
    }

    export interface GossipMessagePrivateResElementsDigestCollectionFieldEvent {
      field: '$.privateRes.elements[].digest.collection'
      value: string
      index: number
    }

    export interface GossipMessagePrivateResElementsDigestBlockSeqFieldEvent {
      field: '$.privateRes.elements[].digest.blockSeq'
      value: bigint
      index: number
    }

    export interface GossipMessagePrivateResElementsDigestSeqInBlockFieldEvent {
      field: '$.privateRes.elements[].digest.seqInBlock'
      value: bigint
      index: number
    }

    export interface GossipMessagePrivateResElementsPayloadFieldEvent {
      field: '$.privateRes.elements[].payload[]'
      index: number
      value: Uint8Array<ArrayBuffer>
    }

    export interface GossipMessagePrivateDataPayloadCollectionNameFieldEvent {
      field: '$.privateData.payload.collectionName'
      value: string
    }

    export interface GossipMessagePrivateDataPayloadNamespaceFieldEvent {
      field: '$.privateData.payload.namespace'
      value: string
    }

    export interface GossipMessagePrivateDataPayloadTxIdFieldEvent {
      field: '$.privateData.payload.txId'
      value: string
    }

    export interface GossipMessagePrivateDataPayloadPrivateRwsetFieldEvent {
      field: '$.privateData.payload.privateRwset'
      value: Uint8Array<ArrayBuffer>
    }

    export interface GossipMessagePrivateDataPayloadPrivateSimHeightFieldEvent {
      field: '$.privateData.payload.privateSimHeight'
      value: bigint
    }

    export interface GossipMessagePrivateDataPayloadCollectionConfigsFieldEvent {
      field: '$.privateData.payload.collectionConfigs'
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<GossipMessage>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, GossipMessage.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<GossipMessage>): GossipMessage {
      return decodeMessage(buf, GossipMessage.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<GossipMessage>): Generator<GossipMessageNonceFieldEvent | GossipMessageChannelFieldEvent | GossipMessageTagFieldEvent | GossipMessageAliveMsgMembershipEndpointFieldEvent | GossipMessageAliveMsgMembershipMetadataFieldEvent | GossipMessageAliveMsgMembershipPkiIdFieldEvent | GossipMessageAliveMsgTimestampIncNumFieldEvent | GossipMessageAliveMsgTimestampSeqNumFieldEvent | GossipMessageAliveMsgIdentityFieldEvent | GossipMessageMemReqSelfInformationPayloadFieldEvent | GossipMessageMemReqSelfInformationSignatureFieldEvent | GossipMessageMemReqSelfInformationSecretEnvelopePayloadFieldEvent | GossipMessageMemReqSelfInformationSecretEnvelopeSignatureFieldEvent | GossipMessageMemReqKnownFieldEvent | GossipMessageMemResAlivePayloadFieldEvent | GossipMessageMemResAliveSignatureFieldEvent | GossipMessageMemResAliveSecretEnvelopePayloadFieldEvent | GossipMessageMemResAliveSecretEnvelopeSignatureFieldEvent | GossipMessageMemResDeadPayloadFieldEvent | GossipMessageMemResDeadSignatureFieldEvent | GossipMessageMemResDeadSecretEnvelopePayloadFieldEvent | GossipMessageMemResDeadSecretEnvelopeSignatureFieldEvent | GossipMessageDataMsgPayloadSeqNumFieldEvent | GossipMessageDataMsgPayloadDataFieldEvent | GossipMessageDataMsgPayloadPrivateDataFieldEvent | GossipMessageHelloNonceFieldEvent | GossipMessageHelloMetadataFieldEvent | GossipMessageHelloMsgTypeFieldEvent | GossipMessageDataDigNonceFieldEvent | GossipMessageDataDigDigestsFieldEvent | GossipMessageDataDigMsgTypeFieldEvent | GossipMessageDataReqNonceFieldEvent | GossipMessageDataReqDigestsFieldEvent | GossipMessageDataReqMsgTypeFieldEvent | GossipMessageDataUpdateNonceFieldEvent | GossipMessageDataUpdateDataPayloadFieldEvent | GossipMessageDataUpdateDataSignatureFieldEvent | GossipMessageDataUpdateDataSecretEnvelopePayloadFieldEvent | GossipMessageDataUpdateDataSecretEnvelopeSignatureFieldEvent | GossipMessageDataUpdateMsgTypeFieldEvent | GossipMessageConnPkiIdFieldEvent | GossipMessageConnIdentityFieldEvent | GossipMessageConnTlsCertHashFieldEvent | GossipMessageConnProbeFieldEvent | GossipMessageStateInfoTimestampIncNumFieldEvent | GossipMessageStateInfoTimestampSeqNumFieldEvent | GossipMessageStateInfoPkiIdFieldEvent | GossipMessageStateInfoChannel_MACFieldEvent | GossipMessageStateInfoPropertiesLedgerHeightFieldEvent | GossipMessageStateInfoPropertiesLeftChannelFieldEvent | GossipMessageStateInfoPropertiesChaincodesNameFieldEvent | GossipMessageStateInfoPropertiesChaincodesVersionFieldEvent | GossipMessageStateInfoPropertiesChaincodesMetadataFieldEvent | GossipMessageStateSnapshotElementsPayloadFieldEvent | GossipMessageStateSnapshotElementsSignatureFieldEvent | GossipMessageStateSnapshotElementsSecretEnvelopePayloadFieldEvent | GossipMessageStateSnapshotElementsSecretEnvelopeSignatureFieldEvent | GossipMessageStateInfoPullReqChannel_MACFieldEvent | GossipMessageStateRequestStartSeqNumFieldEvent | GossipMessageStateRequestEndSeqNumFieldEvent | GossipMessageStateResponsePayloadsSeqNumFieldEvent | GossipMessageStateResponsePayloadsDataFieldEvent | GossipMessageStateResponsePayloadsPrivateDataFieldEvent | GossipMessageLeadershipMsgPkiIdFieldEvent | GossipMessageLeadershipMsgTimestampIncNumFieldEvent | GossipMessageLeadershipMsgTimestampSeqNumFieldEvent | GossipMessageLeadershipMsgIsDeclarationFieldEvent | GossipMessagePeerIdentityPkiIdFieldEvent | GossipMessagePeerIdentityCertFieldEvent | GossipMessagePeerIdentityMetadataFieldEvent | GossipMessageAckErrorFieldEvent | GossipMessagePrivateReqDigestsTxIdFieldEvent | GossipMessagePrivateReqDigestsNamespaceFieldEvent | GossipMessagePrivateReqDigestsCollectionFieldEvent | GossipMessagePrivateReqDigestsBlockSeqFieldEvent | GossipMessagePrivateReqDigestsSeqInBlockFieldEvent | GossipMessagePrivateResElementsDigestTxIdFieldEvent | GossipMessagePrivateResElementsDigestNamespaceFieldEvent | GossipMessagePrivateResElementsDigestCollectionFieldEvent | GossipMessagePrivateResElementsDigestBlockSeqFieldEvent | GossipMessagePrivateResElementsDigestSeqInBlockFieldEvent | GossipMessagePrivateResElementsPayloadFieldEvent | GossipMessagePrivateDataPayloadCollectionNameFieldEvent | GossipMessagePrivateDataPayloadNamespaceFieldEvent | GossipMessagePrivateDataPayloadTxIdFieldEvent | GossipMessagePrivateDataPayloadPrivateRwsetFieldEvent | GossipMessagePrivateDataPayloadPrivateSimHeightFieldEvent | GossipMessagePrivateDataPayloadCollectionConfigsFieldEvent> {
      return streamMessage(buf, GossipMessage.codec(), opts)
    }
  }

  export interface StateInfo {
    timestamp?: gossip.PeerTime
    pkiId: Uint8Array<ArrayBuffer>
    channel_MAC: Uint8Array<ArrayBuffer>
    properties?: gossip.Properties
  }

  export namespace StateInfo {
    let _codec: Codec<StateInfo>

    export const codec = (): Codec<StateInfo> => {
      if (_codec == null) {
        _codec = message<StateInfo>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if (obj.timestamp != null) {
            w.uint32(18)
            gossip.PeerTime.codec().encode(obj.timestamp, w)
          }

          if ((obj.pkiId != null && obj.pkiId.byteLength > 0)) {
            w.uint32(26)
            w.bytes(obj.pkiId)
          }

          if ((obj.channel_MAC != null && obj.channel_MAC.byteLength > 0)) {
            w.uint32(34)
            w.bytes(obj.channel_MAC)
          }

          if (obj.properties != null) {
            w.uint32(42)
            gossip.Properties.codec().encode(obj.properties, w)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            pkiId: uint8ArrayAlloc(0),
            channel_MAC: uint8ArrayAlloc(0)
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 2: {
                obj.timestamp = gossip.PeerTime.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.timestamp
                })
                break
              }
              case 3: {
                obj.pkiId = reader.bytes()
                break
              }
              case 4: {
                obj.channel_MAC = reader.bytes()
                break
              }
              case 5: {
                obj.properties = gossip.Properties.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.properties
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
              case 2: {
                yield * gossip.PeerTime.codec().stream(reader, reader.uint32(), `${prefix}.timestamp`, {
                  limits: opts.limits?.timestamp
                })

                break
              }
              case 3: {
                yield {
                  field: `${prefix}.pkiId`,
                  value: reader.bytes()
                }
                break
              }
              case 4: {
                yield {
                  field: `${prefix}.channel_MAC`,
                  value: reader.bytes()
                }
                break
              }
              case 5: {
                yield * gossip.Properties.codec().stream(reader, reader.uint32(), `${prefix}.properties`, {
                  limits: opts.limits?.properties
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

    export interface StateInfoTimestampIncNumFieldEvent {
      field: '$.timestamp.incNum'
      value: bigint
    }

    export interface StateInfoTimestampSeqNumFieldEvent {
      field: '$.timestamp.seqNum'
      value: bigint
    }

    export interface StateInfoPkiIdFieldEvent {
      field: '$.pkiId'
      value: Uint8Array<ArrayBuffer>
    }

    export interface StateInfoChannel_MACFieldEvent {
      field: '$.channel_MAC'
      value: Uint8Array<ArrayBuffer>
    }

    export interface StateInfoPropertiesLedgerHeightFieldEvent {
      field: '$.properties.ledgerHeight'
      value: bigint
    }

    export interface StateInfoPropertiesLeftChannelFieldEvent {
      field: '$.properties.leftChannel'
      value: boolean
    }

    export interface StateInfoPropertiesChaincodesNameFieldEvent {
      field: '$.properties.chaincodes[].name'
      value: string
      index: number
    }

    export interface StateInfoPropertiesChaincodesVersionFieldEvent {
      field: '$.properties.chaincodes[].version'
      value: string
      index: number
    }

    export interface StateInfoPropertiesChaincodesMetadataFieldEvent {
      field: '$.properties.chaincodes[].metadata'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export function encode (obj: Partial<StateInfo>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, StateInfo.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<StateInfo>): StateInfo {
      return decodeMessage(buf, StateInfo.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<StateInfo>): Generator<StateInfoTimestampIncNumFieldEvent | StateInfoTimestampSeqNumFieldEvent | StateInfoPkiIdFieldEvent | StateInfoChannel_MACFieldEvent | StateInfoPropertiesLedgerHeightFieldEvent | StateInfoPropertiesLeftChannelFieldEvent | StateInfoPropertiesChaincodesNameFieldEvent | StateInfoPropertiesChaincodesVersionFieldEvent | StateInfoPropertiesChaincodesMetadataFieldEvent> {
      return streamMessage(buf, StateInfo.codec(), opts)
    }
  }

  export interface Properties {
    ledgerHeight: bigint
    leftChannel: boolean
    chaincodes: gossip.Chaincode[]
  }

  export namespace Properties {
    let _codec: Codec<Properties>

    export const codec = (): Codec<Properties> => {
      if (_codec == null) {
        _codec = message<Properties>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.ledgerHeight != null && obj.ledgerHeight !== 0n)) {
            w.uint32(8)
            w.uint64(obj.ledgerHeight)
          }

          if ((obj.leftChannel != null && obj.leftChannel !== false)) {
            w.uint32(16)
            w.bool(obj.leftChannel)
          }

          if (obj.chaincodes != null && obj.chaincodes.length > 0) {
            for (const value of obj.chaincodes) {
              w.uint32(26)
              gossip.Chaincode.codec().encode(value, w)
            }
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            ledgerHeight: 0n,
            leftChannel: false,
            chaincodes: []
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.ledgerHeight = reader.uint64()
                break
              }
              case 2: {
                obj.leftChannel = reader.bool()
                break
              }
              case 3: {
                if (opts.limits?.chaincodes != null && obj.chaincodes.length === opts.limits.chaincodes) {
                  throw new MaxLengthError('Decode error - repeated field "chaincodes" had too many elements')
                }

                obj.chaincodes.push(gossip.Chaincode.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.chaincodes$
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
            chaincodes: 0
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                yield {
                  field: `${prefix}.ledgerHeight`,
                  value: reader.uint64()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.leftChannel`,
                  value: reader.bool()
                }
                break
              }
              case 3: {
                if (opts.limits?.chaincodes != null && obj.chaincodes === opts.limits.chaincodes) {
                  throw new MaxLengthError('Streaming decode error - repeated field "chaincodes" had too many elements')
                }

                for (const evt of gossip.Chaincode.codec().stream(reader, reader.uint32(), `${prefix}.chaincodes[]`, {
                  limits: opts.limits?.chaincodes$
                })) {
                  yield {
                    ...evt,
                    index: obj.chaincodes
                  }
                }

                obj.chaincodes++

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

    export interface PropertiesLedgerHeightFieldEvent {
      field: '$.ledgerHeight'
      value: bigint
    }

    export interface PropertiesLeftChannelFieldEvent {
      field: '$.leftChannel'
      value: boolean
    }

    export interface PropertiesChaincodesNameFieldEvent {
      field: '$.chaincodes[].name'
      value: string
      index: number
    }

    export interface PropertiesChaincodesVersionFieldEvent {
      field: '$.chaincodes[].version'
      value: string
      index: number
    }

    export interface PropertiesChaincodesMetadataFieldEvent {
      field: '$.chaincodes[].metadata'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export function encode (obj: Partial<Properties>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, Properties.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Properties>): Properties {
      return decodeMessage(buf, Properties.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Properties>): Generator<PropertiesLedgerHeightFieldEvent | PropertiesLeftChannelFieldEvent | PropertiesChaincodesNameFieldEvent | PropertiesChaincodesVersionFieldEvent | PropertiesChaincodesMetadataFieldEvent> {
      return streamMessage(buf, Properties.codec(), opts)
    }
  }

  export interface StateInfoSnapshot {
    elements: gossip.Envelope[]
  }

  export namespace StateInfoSnapshot {
    let _codec: Codec<StateInfoSnapshot>

    export const codec = (): Codec<StateInfoSnapshot> => {
      if (_codec == null) {
        _codec = message<StateInfoSnapshot>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if (obj.elements != null && obj.elements.length > 0) {
            for (const value of obj.elements) {
              w.uint32(10)
              gossip.Envelope.codec().encode(value, w)
            }
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            elements: []
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                if (opts.limits?.elements != null && obj.elements.length === opts.limits.elements) {
                  throw new MaxLengthError('Decode error - repeated field "elements" had too many elements')
                }

                obj.elements.push(gossip.Envelope.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.elements$
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
            elements: 0
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                if (opts.limits?.elements != null && obj.elements === opts.limits.elements) {
                  throw new MaxLengthError('Streaming decode error - repeated field "elements" had too many elements')
                }

                for (const evt of gossip.Envelope.codec().stream(reader, reader.uint32(), `${prefix}.elements[]`, {
                  limits: opts.limits?.elements$
                })) {
                  yield {
                    ...evt,
                    index: obj.elements
                  }
                }

                obj.elements++

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

    export interface StateInfoSnapshotElementsPayloadFieldEvent {
      field: '$.elements[].payload'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export interface StateInfoSnapshotElementsSignatureFieldEvent {
      field: '$.elements[].signature'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export interface StateInfoSnapshotElementsSecretEnvelopePayloadFieldEvent {
      field: '$.elements[].secretEnvelope.payload'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export interface StateInfoSnapshotElementsSecretEnvelopeSignatureFieldEvent {
      field: '$.elements[].secretEnvelope.signature'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export function encode (obj: Partial<StateInfoSnapshot>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, StateInfoSnapshot.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<StateInfoSnapshot>): StateInfoSnapshot {
      return decodeMessage(buf, StateInfoSnapshot.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<StateInfoSnapshot>): Generator<StateInfoSnapshotElementsPayloadFieldEvent | StateInfoSnapshotElementsSignatureFieldEvent | StateInfoSnapshotElementsSecretEnvelopePayloadFieldEvent | StateInfoSnapshotElementsSecretEnvelopeSignatureFieldEvent> {
      return streamMessage(buf, StateInfoSnapshot.codec(), opts)
    }
  }

  export interface StateInfoPullRequest {
    channel_MAC: Uint8Array<ArrayBuffer>
  }

  export namespace StateInfoPullRequest {
    let _codec: Codec<StateInfoPullRequest>

    export const codec = (): Codec<StateInfoPullRequest> => {
      if (_codec == null) {
        _codec = message<StateInfoPullRequest>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.channel_MAC != null && obj.channel_MAC.byteLength > 0)) {
            w.uint32(10)
            w.bytes(obj.channel_MAC)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            channel_MAC: uint8ArrayAlloc(0)
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.channel_MAC = reader.bytes()
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
                  field: `${prefix}.channel_MAC`,
                  value: reader.bytes()
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

    export interface StateInfoPullRequestChannel_MACFieldEvent {
      field: '$.channel_MAC'
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<StateInfoPullRequest>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, StateInfoPullRequest.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<StateInfoPullRequest>): StateInfoPullRequest {
      return decodeMessage(buf, StateInfoPullRequest.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<StateInfoPullRequest>): Generator<StateInfoPullRequestChannel_MACFieldEvent> {
      return streamMessage(buf, StateInfoPullRequest.codec(), opts)
    }
  }

  export interface ConnEstablish {
    pkiId: Uint8Array<ArrayBuffer>
    identity: Uint8Array<ArrayBuffer>
    tlsCertHash: Uint8Array<ArrayBuffer>
    probe: boolean
  }

  export namespace ConnEstablish {
    let _codec: Codec<ConnEstablish>

    export const codec = (): Codec<ConnEstablish> => {
      if (_codec == null) {
        _codec = message<ConnEstablish>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.pkiId != null && obj.pkiId.byteLength > 0)) {
            w.uint32(10)
            w.bytes(obj.pkiId)
          }

          if ((obj.identity != null && obj.identity.byteLength > 0)) {
            w.uint32(18)
            w.bytes(obj.identity)
          }

          if ((obj.tlsCertHash != null && obj.tlsCertHash.byteLength > 0)) {
            w.uint32(26)
            w.bytes(obj.tlsCertHash)
          }

          if ((obj.probe != null && obj.probe !== false)) {
            w.uint32(32)
            w.bool(obj.probe)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            pkiId: uint8ArrayAlloc(0),
            identity: uint8ArrayAlloc(0),
            tlsCertHash: uint8ArrayAlloc(0),
            probe: false
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.pkiId = reader.bytes()
                break
              }
              case 2: {
                obj.identity = reader.bytes()
                break
              }
              case 3: {
                obj.tlsCertHash = reader.bytes()
                break
              }
              case 4: {
                obj.probe = reader.bool()
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
                  field: `${prefix}.pkiId`,
                  value: reader.bytes()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.identity`,
                  value: reader.bytes()
                }
                break
              }
              case 3: {
                yield {
                  field: `${prefix}.tlsCertHash`,
                  value: reader.bytes()
                }
                break
              }
              case 4: {
                yield {
                  field: `${prefix}.probe`,
                  value: reader.bool()
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

    export interface ConnEstablishPkiIdFieldEvent {
      field: '$.pkiId'
      value: Uint8Array<ArrayBuffer>
    }

    export interface ConnEstablishIdentityFieldEvent {
      field: '$.identity'
      value: Uint8Array<ArrayBuffer>
    }

    export interface ConnEstablishTlsCertHashFieldEvent {
      field: '$.tlsCertHash'
      value: Uint8Array<ArrayBuffer>
    }

    export interface ConnEstablishProbeFieldEvent {
      field: '$.probe'
      value: boolean
    }

    export function encode (obj: Partial<ConnEstablish>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, ConnEstablish.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ConnEstablish>): ConnEstablish {
      return decodeMessage(buf, ConnEstablish.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ConnEstablish>): Generator<ConnEstablishPkiIdFieldEvent | ConnEstablishIdentityFieldEvent | ConnEstablishTlsCertHashFieldEvent | ConnEstablishProbeFieldEvent> {
      return streamMessage(buf, ConnEstablish.codec(), opts)
    }
  }

  export interface PeerIdentity {
    pkiId: Uint8Array<ArrayBuffer>
    cert: Uint8Array<ArrayBuffer>
    metadata: Uint8Array<ArrayBuffer>
  }

  export namespace PeerIdentity {
    let _codec: Codec<PeerIdentity>

    export const codec = (): Codec<PeerIdentity> => {
      if (_codec == null) {
        _codec = message<PeerIdentity>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.pkiId != null && obj.pkiId.byteLength > 0)) {
            w.uint32(10)
            w.bytes(obj.pkiId)
          }

          if ((obj.cert != null && obj.cert.byteLength > 0)) {
            w.uint32(18)
            w.bytes(obj.cert)
          }

          if ((obj.metadata != null && obj.metadata.byteLength > 0)) {
            w.uint32(26)
            w.bytes(obj.metadata)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            pkiId: uint8ArrayAlloc(0),
            cert: uint8ArrayAlloc(0),
            metadata: uint8ArrayAlloc(0)
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.pkiId = reader.bytes()
                break
              }
              case 2: {
                obj.cert = reader.bytes()
                break
              }
              case 3: {
                obj.metadata = reader.bytes()
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
                  field: `${prefix}.pkiId`,
                  value: reader.bytes()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.cert`,
                  value: reader.bytes()
                }
                break
              }
              case 3: {
                yield {
                  field: `${prefix}.metadata`,
                  value: reader.bytes()
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

    export interface PeerIdentityPkiIdFieldEvent {
      field: '$.pkiId'
      value: Uint8Array<ArrayBuffer>
    }

    export interface PeerIdentityCertFieldEvent {
      field: '$.cert'
      value: Uint8Array<ArrayBuffer>
    }

    export interface PeerIdentityMetadataFieldEvent {
      field: '$.metadata'
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<PeerIdentity>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, PeerIdentity.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PeerIdentity>): PeerIdentity {
      return decodeMessage(buf, PeerIdentity.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PeerIdentity>): Generator<PeerIdentityPkiIdFieldEvent | PeerIdentityCertFieldEvent | PeerIdentityMetadataFieldEvent> {
      return streamMessage(buf, PeerIdentity.codec(), opts)
    }
  }

  export enum PullMsgType {
    UNDEFINED = 'UNDEFINED',
    BLOCK_MSG = 'BLOCK_MSG',
    IDENTITY_MSG = 'IDENTITY_MSG'
  }

  enum __PullMsgTypeValues {
    UNDEFINED = 0,
    BLOCK_MSG = 1,
    IDENTITY_MSG = 2
  }

  export namespace PullMsgType {
    export const codec = (): Codec<PullMsgType> => {
      return enumeration<PullMsgType>(__PullMsgTypeValues)
    }
  }

  export interface DataRequest {
    nonce: bigint
    digests: Uint8Array<ArrayBuffer>[]
    msgType: gossip.PullMsgType
  }

  export namespace DataRequest {
    let _codec: Codec<DataRequest>

    export const codec = (): Codec<DataRequest> => {
      if (_codec == null) {
        _codec = message<DataRequest>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.nonce != null && obj.nonce !== 0n)) {
            w.uint32(8)
            w.uint64(obj.nonce)
          }

          if (obj.digests != null && obj.digests.length > 0) {
            for (const value of obj.digests) {
              w.uint32(18)
              w.bytes(value)
            }
          }

          if (obj.msgType != null && __PullMsgTypeValues[obj.msgType] !== 0) {
            w.uint32(24)
            gossip.PullMsgType.codec().encode(obj.msgType, w)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            nonce: 0n,
            digests: [],
            msgType: PullMsgType.UNDEFINED
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.nonce = reader.uint64()
                break
              }
              case 2: {
                if (opts.limits?.digests != null && obj.digests.length === opts.limits.digests) {
                  throw new MaxLengthError('Decode error - repeated field "digests" had too many elements')
                }

                obj.digests.push(reader.bytes())
                break
              }
              case 3: {
                obj.msgType = gossip.PullMsgType.codec().decode(reader)
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
            digests: 0
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                yield {
                  field: `${prefix}.nonce`,
                  value: reader.uint64()
                }
                break
              }
              case 2: {
                if (opts.limits?.digests != null && obj.digests === opts.limits.digests) {
                  throw new MaxLengthError('Streaming decode error - repeated field "digests" had too many elements')
                }

                yield {
                  field: `${prefix}.digests[]`,
                  index: obj.digests,
                  value: reader.bytes()
                }

                obj.digests++

                break
              }
              case 3: {
                yield {
                  field: `${prefix}.msgType`,
                  value: gossip.PullMsgType.codec().decode(reader)
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

    export interface DataRequestNonceFieldEvent {
      field: '$.nonce'
      value: bigint
    }

    export interface DataRequestDigestsFieldEvent {
      field: '$.digests[]'
      index: number
      value: Uint8Array<ArrayBuffer>
    }

    export interface DataRequestMsgTypeFieldEvent {
      field: '$.msgType'
      value: gossip.PullMsgType
    }

    export function encode (obj: Partial<DataRequest>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, DataRequest.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<DataRequest>): DataRequest {
      return decodeMessage(buf, DataRequest.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<DataRequest>): Generator<DataRequestNonceFieldEvent | DataRequestDigestsFieldEvent | DataRequestMsgTypeFieldEvent> {
      return streamMessage(buf, DataRequest.codec(), opts)
    }
  }

  export interface GossipHello {
    nonce: bigint
    metadata: Uint8Array<ArrayBuffer>
    msgType: gossip.PullMsgType
  }

  export namespace GossipHello {
    let _codec: Codec<GossipHello>

    export const codec = (): Codec<GossipHello> => {
      if (_codec == null) {
        _codec = message<GossipHello>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.nonce != null && obj.nonce !== 0n)) {
            w.uint32(8)
            w.uint64(obj.nonce)
          }

          if ((obj.metadata != null && obj.metadata.byteLength > 0)) {
            w.uint32(18)
            w.bytes(obj.metadata)
          }

          if (obj.msgType != null && __PullMsgTypeValues[obj.msgType] !== 0) {
            w.uint32(24)
            gossip.PullMsgType.codec().encode(obj.msgType, w)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            nonce: 0n,
            metadata: uint8ArrayAlloc(0),
            msgType: PullMsgType.UNDEFINED
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.nonce = reader.uint64()
                break
              }
              case 2: {
                obj.metadata = reader.bytes()
                break
              }
              case 3: {
                obj.msgType = gossip.PullMsgType.codec().decode(reader)
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
                  field: `${prefix}.nonce`,
                  value: reader.uint64()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.metadata`,
                  value: reader.bytes()
                }
                break
              }
              case 3: {
                yield {
                  field: `${prefix}.msgType`,
                  value: gossip.PullMsgType.codec().decode(reader)
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

    export interface GossipHelloNonceFieldEvent {
      field: '$.nonce'
      value: bigint
    }

    export interface GossipHelloMetadataFieldEvent {
      field: '$.metadata'
      value: Uint8Array<ArrayBuffer>
    }

    export interface GossipHelloMsgTypeFieldEvent {
      field: '$.msgType'
      value: gossip.PullMsgType
    }

    export function encode (obj: Partial<GossipHello>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, GossipHello.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<GossipHello>): GossipHello {
      return decodeMessage(buf, GossipHello.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<GossipHello>): Generator<GossipHelloNonceFieldEvent | GossipHelloMetadataFieldEvent | GossipHelloMsgTypeFieldEvent> {
      return streamMessage(buf, GossipHello.codec(), opts)
    }
  }

  export interface DataUpdate {
    nonce: bigint
    data: gossip.Envelope[]
    msgType: gossip.PullMsgType
  }

  export namespace DataUpdate {
    let _codec: Codec<DataUpdate>

    export const codec = (): Codec<DataUpdate> => {
      if (_codec == null) {
        _codec = message<DataUpdate>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.nonce != null && obj.nonce !== 0n)) {
            w.uint32(8)
            w.uint64(obj.nonce)
          }

          if (obj.data != null && obj.data.length > 0) {
            for (const value of obj.data) {
              w.uint32(18)
              gossip.Envelope.codec().encode(value, w)
            }
          }

          if (obj.msgType != null && __PullMsgTypeValues[obj.msgType] !== 0) {
            w.uint32(24)
            gossip.PullMsgType.codec().encode(obj.msgType, w)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            nonce: 0n,
            data: [],
            msgType: PullMsgType.UNDEFINED
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.nonce = reader.uint64()
                break
              }
              case 2: {
                if (opts.limits?.data != null && obj.data.length === opts.limits.data) {
                  throw new MaxLengthError('Decode error - repeated field "data" had too many elements')
                }

                obj.data.push(gossip.Envelope.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.data$
                }))
                break
              }
              case 3: {
                obj.msgType = gossip.PullMsgType.codec().decode(reader)
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
            data: 0
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                yield {
                  field: `${prefix}.nonce`,
                  value: reader.uint64()
                }
                break
              }
              case 2: {
                if (opts.limits?.data != null && obj.data === opts.limits.data) {
                  throw new MaxLengthError('Streaming decode error - repeated field "data" had too many elements')
                }

                for (const evt of gossip.Envelope.codec().stream(reader, reader.uint32(), `${prefix}.data[]`, {
                  limits: opts.limits?.data$
                })) {
                  yield {
                    ...evt,
                    index: obj.data
                  }
                }

                obj.data++

                break
              }
              case 3: {
                yield {
                  field: `${prefix}.msgType`,
                  value: gossip.PullMsgType.codec().decode(reader)
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

    export interface DataUpdateNonceFieldEvent {
      field: '$.nonce'
      value: bigint
    }

    export interface DataUpdateDataPayloadFieldEvent {
      field: '$.data[].payload'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export interface DataUpdateDataSignatureFieldEvent {
      field: '$.data[].signature'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export interface DataUpdateDataSecretEnvelopePayloadFieldEvent {
      field: '$.data[].secretEnvelope.payload'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export interface DataUpdateDataSecretEnvelopeSignatureFieldEvent {
      field: '$.data[].secretEnvelope.signature'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export interface DataUpdateMsgTypeFieldEvent {
      field: '$.msgType'
      value: gossip.PullMsgType
    }

    export function encode (obj: Partial<DataUpdate>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, DataUpdate.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<DataUpdate>): DataUpdate {
      return decodeMessage(buf, DataUpdate.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<DataUpdate>): Generator<DataUpdateNonceFieldEvent | DataUpdateDataPayloadFieldEvent | DataUpdateDataSignatureFieldEvent | DataUpdateDataSecretEnvelopePayloadFieldEvent | DataUpdateDataSecretEnvelopeSignatureFieldEvent | DataUpdateMsgTypeFieldEvent> {
      return streamMessage(buf, DataUpdate.codec(), opts)
    }
  }

  export interface DataDigest {
    nonce: bigint
    digests: Uint8Array<ArrayBuffer>[]
    msgType: gossip.PullMsgType
  }

  export namespace DataDigest {
    let _codec: Codec<DataDigest>

    export const codec = (): Codec<DataDigest> => {
      if (_codec == null) {
        _codec = message<DataDigest>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.nonce != null && obj.nonce !== 0n)) {
            w.uint32(8)
            w.uint64(obj.nonce)
          }

          if (obj.digests != null && obj.digests.length > 0) {
            for (const value of obj.digests) {
              w.uint32(18)
              w.bytes(value)
            }
          }

          if (obj.msgType != null && __PullMsgTypeValues[obj.msgType] !== 0) {
            w.uint32(24)
            gossip.PullMsgType.codec().encode(obj.msgType, w)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            nonce: 0n,
            digests: [],
            msgType: PullMsgType.UNDEFINED
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.nonce = reader.uint64()
                break
              }
              case 2: {
                if (opts.limits?.digests != null && obj.digests.length === opts.limits.digests) {
                  throw new MaxLengthError('Decode error - repeated field "digests" had too many elements')
                }

                obj.digests.push(reader.bytes())
                break
              }
              case 3: {
                obj.msgType = gossip.PullMsgType.codec().decode(reader)
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
            digests: 0
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                yield {
                  field: `${prefix}.nonce`,
                  value: reader.uint64()
                }
                break
              }
              case 2: {
                if (opts.limits?.digests != null && obj.digests === opts.limits.digests) {
                  throw new MaxLengthError('Streaming decode error - repeated field "digests" had too many elements')
                }

                yield {
                  field: `${prefix}.digests[]`,
                  index: obj.digests,
                  value: reader.bytes()
                }

                obj.digests++

                break
              }
              case 3: {
                yield {
                  field: `${prefix}.msgType`,
                  value: gossip.PullMsgType.codec().decode(reader)
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

    export interface DataDigestNonceFieldEvent {
      field: '$.nonce'
      value: bigint
    }

    export interface DataDigestDigestsFieldEvent {
      field: '$.digests[]'
      index: number
      value: Uint8Array<ArrayBuffer>
    }

    export interface DataDigestMsgTypeFieldEvent {
      field: '$.msgType'
      value: gossip.PullMsgType
    }

    export function encode (obj: Partial<DataDigest>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, DataDigest.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<DataDigest>): DataDigest {
      return decodeMessage(buf, DataDigest.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<DataDigest>): Generator<DataDigestNonceFieldEvent | DataDigestDigestsFieldEvent | DataDigestMsgTypeFieldEvent> {
      return streamMessage(buf, DataDigest.codec(), opts)
    }
  }

  export interface DataMessage {
    payload?: gossip.Payload
  }

  export namespace DataMessage {
    let _codec: Codec<DataMessage>

    export const codec = (): Codec<DataMessage> => {
      if (_codec == null) {
        _codec = message<DataMessage>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if (obj.payload != null) {
            w.uint32(10)
            gossip.Payload.codec().encode(obj.payload, w)
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
              case 1: {
                obj.payload = gossip.Payload.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.payload
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
                yield * gossip.Payload.codec().stream(reader, reader.uint32(), `${prefix}.payload`, {
                  limits: opts.limits?.payload
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

    export interface DataMessagePayloadSeqNumFieldEvent {
      field: '$.payload.seqNum'
      value: bigint
    }

    export interface DataMessagePayloadDataFieldEvent {
      field: '$.payload.data'
      value: Uint8Array<ArrayBuffer>
    }

    export interface DataMessagePayloadPrivateDataFieldEvent {
      field: '$.payload.privateData[]'
      index: number
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<DataMessage>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, DataMessage.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<DataMessage>): DataMessage {
      return decodeMessage(buf, DataMessage.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<DataMessage>): Generator<DataMessagePayloadSeqNumFieldEvent | DataMessagePayloadDataFieldEvent | DataMessagePayloadPrivateDataFieldEvent> {
      return streamMessage(buf, DataMessage.codec(), opts)
    }
  }

  export interface PrivateDataMessage {
    payload?: gossip.PrivatePayload
  }

  export namespace PrivateDataMessage {
    let _codec: Codec<PrivateDataMessage>

    export const codec = (): Codec<PrivateDataMessage> => {
      if (_codec == null) {
        _codec = message<PrivateDataMessage>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if (obj.payload != null) {
            w.uint32(10)
            gossip.PrivatePayload.codec().encode(obj.payload, w)
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
              case 1: {
                obj.payload = gossip.PrivatePayload.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.payload
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
                yield * gossip.PrivatePayload.codec().stream(reader, reader.uint32(), `${prefix}.payload`, {
                  limits: opts.limits?.payload
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

    export interface PrivateDataMessagePayloadCollectionNameFieldEvent {
      field: '$.payload.collectionName'
      value: string
    }

    export interface PrivateDataMessagePayloadNamespaceFieldEvent {
      field: '$.payload.namespace'
      value: string
    }

    export interface PrivateDataMessagePayloadTxIdFieldEvent {
      field: '$.payload.txId'
      value: string
    }

    export interface PrivateDataMessagePayloadPrivateRwsetFieldEvent {
      field: '$.payload.privateRwset'
      value: Uint8Array<ArrayBuffer>
    }

    export interface PrivateDataMessagePayloadPrivateSimHeightFieldEvent {
      field: '$.payload.privateSimHeight'
      value: bigint
    }

    export interface PrivateDataMessagePayloadCollectionConfigsFieldEvent {
      field: '$.payload.collectionConfigs'
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<PrivateDataMessage>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, PrivateDataMessage.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PrivateDataMessage>): PrivateDataMessage {
      return decodeMessage(buf, PrivateDataMessage.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PrivateDataMessage>): Generator<PrivateDataMessagePayloadCollectionNameFieldEvent | PrivateDataMessagePayloadNamespaceFieldEvent | PrivateDataMessagePayloadTxIdFieldEvent | PrivateDataMessagePayloadPrivateRwsetFieldEvent | PrivateDataMessagePayloadPrivateSimHeightFieldEvent | PrivateDataMessagePayloadCollectionConfigsFieldEvent> {
      return streamMessage(buf, PrivateDataMessage.codec(), opts)
    }
  }

  export interface Payload {
    seqNum: bigint
    data: Uint8Array<ArrayBuffer>
    privateData: Uint8Array<ArrayBuffer>[]
  }

  export namespace Payload {
    let _codec: Codec<Payload>

    export const codec = (): Codec<Payload> => {
      if (_codec == null) {
        _codec = message<Payload>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.seqNum != null && obj.seqNum !== 0n)) {
            w.uint32(8)
            w.uint64(obj.seqNum)
          }

          if ((obj.data != null && obj.data.byteLength > 0)) {
            w.uint32(18)
            w.bytes(obj.data)
          }

          if (obj.privateData != null && obj.privateData.length > 0) {
            for (const value of obj.privateData) {
              w.uint32(26)
              w.bytes(value)
            }
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            seqNum: 0n,
            data: uint8ArrayAlloc(0),
            privateData: []
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.seqNum = reader.uint64()
                break
              }
              case 2: {
                obj.data = reader.bytes()
                break
              }
              case 3: {
                if (opts.limits?.privateData != null && obj.privateData.length === opts.limits.privateData) {
                  throw new MaxLengthError('Decode error - repeated field "privateData" had too many elements')
                }

                obj.privateData.push(reader.bytes())
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
            privateData: 0
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                yield {
                  field: `${prefix}.seqNum`,
                  value: reader.uint64()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.data`,
                  value: reader.bytes()
                }
                break
              }
              case 3: {
                if (opts.limits?.privateData != null && obj.privateData === opts.limits.privateData) {
                  throw new MaxLengthError('Streaming decode error - repeated field "privateData" had too many elements')
                }

                yield {
                  field: `${prefix}.privateData[]`,
                  index: obj.privateData,
                  value: reader.bytes()
                }

                obj.privateData++

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

    export interface PayloadSeqNumFieldEvent {
      field: '$.seqNum'
      value: bigint
    }

    export interface PayloadDataFieldEvent {
      field: '$.data'
      value: Uint8Array<ArrayBuffer>
    }

    export interface PayloadPrivateDataFieldEvent {
      field: '$.privateData[]'
      index: number
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<Payload>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, Payload.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Payload>): Payload {
      return decodeMessage(buf, Payload.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Payload>): Generator<PayloadSeqNumFieldEvent | PayloadDataFieldEvent | PayloadPrivateDataFieldEvent> {
      return streamMessage(buf, Payload.codec(), opts)
    }
  }

  export interface PrivatePayload {
    collectionName: string
    namespace: string
    txId: string
    privateRwset: Uint8Array<ArrayBuffer>
    privateSimHeight: bigint
    collectionConfigs: Uint8Array<ArrayBuffer>
  }

  export namespace PrivatePayload {
    let _codec: Codec<PrivatePayload>

    export const codec = (): Codec<PrivatePayload> => {
      if (_codec == null) {
        _codec = message<PrivatePayload>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.collectionName != null && obj.collectionName !== '')) {
            w.uint32(10)
            w.string(obj.collectionName)
          }

          if ((obj.namespace != null && obj.namespace !== '')) {
            w.uint32(18)
            w.string(obj.namespace)
          }

          if ((obj.txId != null && obj.txId !== '')) {
            w.uint32(26)
            w.string(obj.txId)
          }

          if ((obj.privateRwset != null && obj.privateRwset.byteLength > 0)) {
            w.uint32(34)
            w.bytes(obj.privateRwset)
          }

          if ((obj.privateSimHeight != null && obj.privateSimHeight !== 0n)) {
            w.uint32(40)
            w.uint64(obj.privateSimHeight)
          }

          if ((obj.collectionConfigs != null && obj.collectionConfigs.byteLength > 0)) {
            w.uint32(50)
            w.bytes(obj.collectionConfigs)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            collectionName: '',
            namespace: '',
            txId: '',
            privateRwset: uint8ArrayAlloc(0),
            privateSimHeight: 0n,
            collectionConfigs: uint8ArrayAlloc(0)
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.collectionName = reader.string()
                break
              }
              case 2: {
                obj.namespace = reader.string()
                break
              }
              case 3: {
                obj.txId = reader.string()
                break
              }
              case 4: {
                obj.privateRwset = reader.bytes()
                break
              }
              case 5: {
                obj.privateSimHeight = reader.uint64()
                break
              }
              case 6: {
                obj.collectionConfigs = reader.bytes()
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
                  field: `${prefix}.collectionName`,
                  value: reader.string()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.namespace`,
                  value: reader.string()
                }
                break
              }
              case 3: {
                yield {
                  field: `${prefix}.txId`,
                  value: reader.string()
                }
                break
              }
              case 4: {
                yield {
                  field: `${prefix}.privateRwset`,
                  value: reader.bytes()
                }
                break
              }
              case 5: {
                yield {
                  field: `${prefix}.privateSimHeight`,
                  value: reader.uint64()
                }
                break
              }
              case 6: {
                yield {
                  field: `${prefix}.collectionConfigs`,
                  value: reader.bytes()
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

    export interface PrivatePayloadCollectionNameFieldEvent {
      field: '$.collectionName'
      value: string
    }

    export interface PrivatePayloadNamespaceFieldEvent {
      field: '$.namespace'
      value: string
    }

    export interface PrivatePayloadTxIdFieldEvent {
      field: '$.txId'
      value: string
    }

    export interface PrivatePayloadPrivateRwsetFieldEvent {
      field: '$.privateRwset'
      value: Uint8Array<ArrayBuffer>
    }

    export interface PrivatePayloadPrivateSimHeightFieldEvent {
      field: '$.privateSimHeight'
      value: bigint
    }

    export interface PrivatePayloadCollectionConfigsFieldEvent {
      field: '$.collectionConfigs'
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<PrivatePayload>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, PrivatePayload.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PrivatePayload>): PrivatePayload {
      return decodeMessage(buf, PrivatePayload.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PrivatePayload>): Generator<PrivatePayloadCollectionNameFieldEvent | PrivatePayloadNamespaceFieldEvent | PrivatePayloadTxIdFieldEvent | PrivatePayloadPrivateRwsetFieldEvent | PrivatePayloadPrivateSimHeightFieldEvent | PrivatePayloadCollectionConfigsFieldEvent> {
      return streamMessage(buf, PrivatePayload.codec(), opts)
    }
  }

  export interface AliveMessage {
    membership?: gossip.Member
    timestamp?: gossip.PeerTime
    identity: Uint8Array<ArrayBuffer>
  }

  export namespace AliveMessage {
    let _codec: Codec<AliveMessage>

    export const codec = (): Codec<AliveMessage> => {
      if (_codec == null) {
        _codec = message<AliveMessage>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if (obj.membership != null) {
            w.uint32(10)
            gossip.Member.codec().encode(obj.membership, w)
          }

          if (obj.timestamp != null) {
            w.uint32(18)
            gossip.PeerTime.codec().encode(obj.timestamp, w)
          }

          if ((obj.identity != null && obj.identity.byteLength > 0)) {
            w.uint32(34)
            w.bytes(obj.identity)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            identity: uint8ArrayAlloc(0)
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.membership = gossip.Member.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.membership
                })
                break
              }
              case 2: {
                obj.timestamp = gossip.PeerTime.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.timestamp
                })
                break
              }
              case 4: {
                obj.identity = reader.bytes()
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
                yield * gossip.Member.codec().stream(reader, reader.uint32(), `${prefix}.membership`, {
                  limits: opts.limits?.membership
                })

                break
              }
              case 2: {
                yield * gossip.PeerTime.codec().stream(reader, reader.uint32(), `${prefix}.timestamp`, {
                  limits: opts.limits?.timestamp
                })

                break
              }
              case 4: {
                yield {
                  field: `${prefix}.identity`,
                  value: reader.bytes()
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

    export interface AliveMessageMembershipEndpointFieldEvent {
      field: '$.membership.endpoint'
      value: string
    }

    export interface AliveMessageMembershipMetadataFieldEvent {
      field: '$.membership.metadata'
      value: Uint8Array<ArrayBuffer>
    }

    export interface AliveMessageMembershipPkiIdFieldEvent {
      field: '$.membership.pkiId'
      value: Uint8Array<ArrayBuffer>
    }

    export interface AliveMessageTimestampIncNumFieldEvent {
      field: '$.timestamp.incNum'
      value: bigint
    }

    export interface AliveMessageTimestampSeqNumFieldEvent {
      field: '$.timestamp.seqNum'
      value: bigint
    }

    export interface AliveMessageIdentityFieldEvent {
      field: '$.identity'
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<AliveMessage>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, AliveMessage.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<AliveMessage>): AliveMessage {
      return decodeMessage(buf, AliveMessage.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<AliveMessage>): Generator<AliveMessageMembershipEndpointFieldEvent | AliveMessageMembershipMetadataFieldEvent | AliveMessageMembershipPkiIdFieldEvent | AliveMessageTimestampIncNumFieldEvent | AliveMessageTimestampSeqNumFieldEvent | AliveMessageIdentityFieldEvent> {
      return streamMessage(buf, AliveMessage.codec(), opts)
    }
  }

  export interface LeadershipMessage {
    pkiId: Uint8Array<ArrayBuffer>
    timestamp?: gossip.PeerTime
    isDeclaration: boolean
  }

  export namespace LeadershipMessage {
    let _codec: Codec<LeadershipMessage>

    export const codec = (): Codec<LeadershipMessage> => {
      if (_codec == null) {
        _codec = message<LeadershipMessage>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.pkiId != null && obj.pkiId.byteLength > 0)) {
            w.uint32(10)
            w.bytes(obj.pkiId)
          }

          if (obj.timestamp != null) {
            w.uint32(18)
            gossip.PeerTime.codec().encode(obj.timestamp, w)
          }

          if ((obj.isDeclaration != null && obj.isDeclaration !== false)) {
            w.uint32(24)
            w.bool(obj.isDeclaration)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            pkiId: uint8ArrayAlloc(0),
            isDeclaration: false
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.pkiId = reader.bytes()
                break
              }
              case 2: {
                obj.timestamp = gossip.PeerTime.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.timestamp
                })
                break
              }
              case 3: {
                obj.isDeclaration = reader.bool()
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
                  field: `${prefix}.pkiId`,
                  value: reader.bytes()
                }
                break
              }
              case 2: {
                yield * gossip.PeerTime.codec().stream(reader, reader.uint32(), `${prefix}.timestamp`, {
                  limits: opts.limits?.timestamp
                })

                break
              }
              case 3: {
                yield {
                  field: `${prefix}.isDeclaration`,
                  value: reader.bool()
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

    export interface LeadershipMessagePkiIdFieldEvent {
      field: '$.pkiId'
      value: Uint8Array<ArrayBuffer>
    }

    export interface LeadershipMessageTimestampIncNumFieldEvent {
      field: '$.timestamp.incNum'
      value: bigint
    }

    export interface LeadershipMessageTimestampSeqNumFieldEvent {
      field: '$.timestamp.seqNum'
      value: bigint
    }

    export interface LeadershipMessageIsDeclarationFieldEvent {
      field: '$.isDeclaration'
      value: boolean
    }

    export function encode (obj: Partial<LeadershipMessage>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, LeadershipMessage.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<LeadershipMessage>): LeadershipMessage {
      return decodeMessage(buf, LeadershipMessage.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<LeadershipMessage>): Generator<LeadershipMessagePkiIdFieldEvent | LeadershipMessageTimestampIncNumFieldEvent | LeadershipMessageTimestampSeqNumFieldEvent | LeadershipMessageIsDeclarationFieldEvent> {
      return streamMessage(buf, LeadershipMessage.codec(), opts)
    }
  }

  export interface PeerTime {
    incNum: bigint
    seqNum: bigint
  }

  export namespace PeerTime {
    let _codec: Codec<PeerTime>

    export const codec = (): Codec<PeerTime> => {
      if (_codec == null) {
        _codec = message<PeerTime>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.incNum != null && obj.incNum !== 0n)) {
            w.uint32(8)
            w.uint64(obj.incNum)
          }

          if ((obj.seqNum != null && obj.seqNum !== 0n)) {
            w.uint32(16)
            w.uint64(obj.seqNum)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            incNum: 0n,
            seqNum: 0n
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.incNum = reader.uint64()
                break
              }
              case 2: {
                obj.seqNum = reader.uint64()
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
                  field: `${prefix}.incNum`,
                  value: reader.uint64()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.seqNum`,
                  value: reader.uint64()
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

    export interface PeerTimeIncNumFieldEvent {
      field: '$.incNum'
      value: bigint
    }

    export interface PeerTimeSeqNumFieldEvent {
      field: '$.seqNum'
      value: bigint
    }

    export function encode (obj: Partial<PeerTime>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, PeerTime.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PeerTime>): PeerTime {
      return decodeMessage(buf, PeerTime.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PeerTime>): Generator<PeerTimeIncNumFieldEvent | PeerTimeSeqNumFieldEvent> {
      return streamMessage(buf, PeerTime.codec(), opts)
    }
  }

  export interface MembershipRequest {
    selfInformation?: gossip.Envelope
    known: Uint8Array<ArrayBuffer>[]
  }

  export namespace MembershipRequest {
    let _codec: Codec<MembershipRequest>

    export const codec = (): Codec<MembershipRequest> => {
      if (_codec == null) {
        _codec = message<MembershipRequest>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if (obj.selfInformation != null) {
            w.uint32(10)
            gossip.Envelope.codec().encode(obj.selfInformation, w)
          }

          if (obj.known != null && obj.known.length > 0) {
            for (const value of obj.known) {
              w.uint32(18)
              w.bytes(value)
            }
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            known: []
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.selfInformation = gossip.Envelope.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.selfInformation
                })
                break
              }
              case 2: {
                if (opts.limits?.known != null && obj.known.length === opts.limits.known) {
                  throw new MaxLengthError('Decode error - repeated field "known" had too many elements')
                }

                obj.known.push(reader.bytes())
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
            known: 0
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                yield * gossip.Envelope.codec().stream(reader, reader.uint32(), `${prefix}.selfInformation`, {
                  limits: opts.limits?.selfInformation
                })

                break
              }
              case 2: {
                if (opts.limits?.known != null && obj.known === opts.limits.known) {
                  throw new MaxLengthError('Streaming decode error - repeated field "known" had too many elements')
                }

                yield {
                  field: `${prefix}.known[]`,
                  index: obj.known,
                  value: reader.bytes()
                }

                obj.known++

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

    export interface MembershipRequestSelfInformationPayloadFieldEvent {
      field: '$.selfInformation.payload'
      value: Uint8Array<ArrayBuffer>
    }

    export interface MembershipRequestSelfInformationSignatureFieldEvent {
      field: '$.selfInformation.signature'
      value: Uint8Array<ArrayBuffer>
    }

    export interface MembershipRequestSelfInformationSecretEnvelopePayloadFieldEvent {
      field: '$.selfInformation.secretEnvelope.payload'
      value: Uint8Array<ArrayBuffer>
    }

    export interface MembershipRequestSelfInformationSecretEnvelopeSignatureFieldEvent {
      field: '$.selfInformation.secretEnvelope.signature'
      value: Uint8Array<ArrayBuffer>
    }

    export interface MembershipRequestKnownFieldEvent {
      field: '$.known[]'
      index: number
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<MembershipRequest>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, MembershipRequest.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<MembershipRequest>): MembershipRequest {
      return decodeMessage(buf, MembershipRequest.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<MembershipRequest>): Generator<MembershipRequestSelfInformationPayloadFieldEvent | MembershipRequestSelfInformationSignatureFieldEvent | MembershipRequestSelfInformationSecretEnvelopePayloadFieldEvent | MembershipRequestSelfInformationSecretEnvelopeSignatureFieldEvent | MembershipRequestKnownFieldEvent> {
      return streamMessage(buf, MembershipRequest.codec(), opts)
    }
  }

  export interface MembershipResponse {
    alive: gossip.Envelope[]
    dead: gossip.Envelope[]
  }

  export namespace MembershipResponse {
    let _codec: Codec<MembershipResponse>

    export const codec = (): Codec<MembershipResponse> => {
      if (_codec == null) {
        _codec = message<MembershipResponse>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if (obj.alive != null && obj.alive.length > 0) {
            for (const value of obj.alive) {
              w.uint32(10)
              gossip.Envelope.codec().encode(value, w)
            }
          }

          if (obj.dead != null && obj.dead.length > 0) {
            for (const value of obj.dead) {
              w.uint32(18)
              gossip.Envelope.codec().encode(value, w)
            }
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            alive: [],
            dead: []
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                if (opts.limits?.alive != null && obj.alive.length === opts.limits.alive) {
                  throw new MaxLengthError('Decode error - repeated field "alive" had too many elements')
                }

                obj.alive.push(gossip.Envelope.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.alive$
                }))
                break
              }
              case 2: {
                if (opts.limits?.dead != null && obj.dead.length === opts.limits.dead) {
                  throw new MaxLengthError('Decode error - repeated field "dead" had too many elements')
                }

                obj.dead.push(gossip.Envelope.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.dead$
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
            alive: 0,
            dead: 0
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                if (opts.limits?.alive != null && obj.alive === opts.limits.alive) {
                  throw new MaxLengthError('Streaming decode error - repeated field "alive" had too many elements')
                }

                for (const evt of gossip.Envelope.codec().stream(reader, reader.uint32(), `${prefix}.alive[]`, {
                  limits: opts.limits?.alive$
                })) {
                  yield {
                    ...evt,
                    index: obj.alive
                  }
                }

                obj.alive++

                break
              }
              case 2: {
                if (opts.limits?.dead != null && obj.dead === opts.limits.dead) {
                  throw new MaxLengthError('Streaming decode error - repeated field "dead" had too many elements')
                }

                for (const evt of gossip.Envelope.codec().stream(reader, reader.uint32(), `${prefix}.dead[]`, {
                  limits: opts.limits?.dead$
                })) {
                  yield {
                    ...evt,
                    index: obj.dead
                  }
                }

                obj.dead++

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

    export interface MembershipResponseAlivePayloadFieldEvent {
      field: '$.alive[].payload'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export interface MembershipResponseAliveSignatureFieldEvent {
      field: '$.alive[].signature'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export interface MembershipResponseAliveSecretEnvelopePayloadFieldEvent {
      field: '$.alive[].secretEnvelope.payload'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export interface MembershipResponseAliveSecretEnvelopeSignatureFieldEvent {
      field: '$.alive[].secretEnvelope.signature'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export interface MembershipResponseDeadPayloadFieldEvent {
      field: '$.dead[].payload'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export interface MembershipResponseDeadSignatureFieldEvent {
      field: '$.dead[].signature'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export interface MembershipResponseDeadSecretEnvelopePayloadFieldEvent {
      field: '$.dead[].secretEnvelope.payload'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export interface MembershipResponseDeadSecretEnvelopeSignatureFieldEvent {
      field: '$.dead[].secretEnvelope.signature'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export function encode (obj: Partial<MembershipResponse>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, MembershipResponse.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<MembershipResponse>): MembershipResponse {
      return decodeMessage(buf, MembershipResponse.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<MembershipResponse>): Generator<MembershipResponseAlivePayloadFieldEvent | MembershipResponseAliveSignatureFieldEvent | MembershipResponseAliveSecretEnvelopePayloadFieldEvent | MembershipResponseAliveSecretEnvelopeSignatureFieldEvent | MembershipResponseDeadPayloadFieldEvent | MembershipResponseDeadSignatureFieldEvent | MembershipResponseDeadSecretEnvelopePayloadFieldEvent | MembershipResponseDeadSecretEnvelopeSignatureFieldEvent> {
      return streamMessage(buf, MembershipResponse.codec(), opts)
    }
  }

  export interface Member {
    endpoint: string
    metadata: Uint8Array<ArrayBuffer>
    pkiId: Uint8Array<ArrayBuffer>
  }

  export namespace Member {
    let _codec: Codec<Member>

    export const codec = (): Codec<Member> => {
      if (_codec == null) {
        _codec = message<Member>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.endpoint != null && obj.endpoint !== '')) {
            w.uint32(10)
            w.string(obj.endpoint)
          }

          if ((obj.metadata != null && obj.metadata.byteLength > 0)) {
            w.uint32(18)
            w.bytes(obj.metadata)
          }

          if ((obj.pkiId != null && obj.pkiId.byteLength > 0)) {
            w.uint32(26)
            w.bytes(obj.pkiId)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            endpoint: '',
            metadata: uint8ArrayAlloc(0),
            pkiId: uint8ArrayAlloc(0)
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.endpoint = reader.string()
                break
              }
              case 2: {
                obj.metadata = reader.bytes()
                break
              }
              case 3: {
                obj.pkiId = reader.bytes()
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
                  field: `${prefix}.endpoint`,
                  value: reader.string()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.metadata`,
                  value: reader.bytes()
                }
                break
              }
              case 3: {
                yield {
                  field: `${prefix}.pkiId`,
                  value: reader.bytes()
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

    export interface MemberEndpointFieldEvent {
      field: '$.endpoint'
      value: string
    }

    export interface MemberMetadataFieldEvent {
      field: '$.metadata'
      value: Uint8Array<ArrayBuffer>
    }

    export interface MemberPkiIdFieldEvent {
      field: '$.pkiId'
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<Member>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, Member.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Member>): Member {
      return decodeMessage(buf, Member.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Member>): Generator<MemberEndpointFieldEvent | MemberMetadataFieldEvent | MemberPkiIdFieldEvent> {
      return streamMessage(buf, Member.codec(), opts)
    }
  }

  export interface Empty {}

  export namespace Empty {
    let _codec: Codec<Empty>

    export const codec = (): Codec<Empty> => {
      if (_codec == null) {
        _codec = message<Empty>((obj, w, opts = {}) => {
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

    export function encode (obj: Partial<Empty>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, Empty.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Empty>): Empty {
      return decodeMessage(buf, Empty.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Empty>): Generator<{}> {
      return streamMessage(buf, Empty.codec(), opts)
    }
  }

  export interface RemoteStateRequest {
    startSeqNum: bigint
    endSeqNum: bigint
  }

  export namespace RemoteStateRequest {
    let _codec: Codec<RemoteStateRequest>

    export const codec = (): Codec<RemoteStateRequest> => {
      if (_codec == null) {
        _codec = message<RemoteStateRequest>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.startSeqNum != null && obj.startSeqNum !== 0n)) {
            w.uint32(8)
            w.uint64(obj.startSeqNum)
          }

          if ((obj.endSeqNum != null && obj.endSeqNum !== 0n)) {
            w.uint32(16)
            w.uint64(obj.endSeqNum)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            startSeqNum: 0n,
            endSeqNum: 0n
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.startSeqNum = reader.uint64()
                break
              }
              case 2: {
                obj.endSeqNum = reader.uint64()
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
                  field: `${prefix}.startSeqNum`,
                  value: reader.uint64()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.endSeqNum`,
                  value: reader.uint64()
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

    export interface RemoteStateRequestStartSeqNumFieldEvent {
      field: '$.startSeqNum'
      value: bigint
    }

    export interface RemoteStateRequestEndSeqNumFieldEvent {
      field: '$.endSeqNum'
      value: bigint
    }

    export function encode (obj: Partial<RemoteStateRequest>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, RemoteStateRequest.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<RemoteStateRequest>): RemoteStateRequest {
      return decodeMessage(buf, RemoteStateRequest.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<RemoteStateRequest>): Generator<RemoteStateRequestStartSeqNumFieldEvent | RemoteStateRequestEndSeqNumFieldEvent> {
      return streamMessage(buf, RemoteStateRequest.codec(), opts)
    }
  }

  export interface RemoteStateResponse {
    payloads: gossip.Payload[]
  }

  export namespace RemoteStateResponse {
    let _codec: Codec<RemoteStateResponse>

    export const codec = (): Codec<RemoteStateResponse> => {
      if (_codec == null) {
        _codec = message<RemoteStateResponse>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if (obj.payloads != null && obj.payloads.length > 0) {
            for (const value of obj.payloads) {
              w.uint32(10)
              gossip.Payload.codec().encode(value, w)
            }
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            payloads: []
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                if (opts.limits?.payloads != null && obj.payloads.length === opts.limits.payloads) {
                  throw new MaxLengthError('Decode error - repeated field "payloads" had too many elements')
                }

                obj.payloads.push(gossip.Payload.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.payloads$
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
            payloads: 0
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                if (opts.limits?.payloads != null && obj.payloads === opts.limits.payloads) {
                  throw new MaxLengthError('Streaming decode error - repeated field "payloads" had too many elements')
                }

                for (const evt of gossip.Payload.codec().stream(reader, reader.uint32(), `${prefix}.payloads[]`, {
                  limits: opts.limits?.payloads$
                })) {
                  yield {
                    ...evt,
                    index: obj.payloads
                  }
                }

                obj.payloads++

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

    export interface RemoteStateResponsePayloadsSeqNumFieldEvent {
      field: '$.payloads[].seqNum'
      value: bigint
      index: number
    }

    export interface RemoteStateResponsePayloadsDataFieldEvent {
      field: '$.payloads[].data'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export interface RemoteStateResponsePayloadsPrivateDataFieldEvent {
      field: '$.payloads[].privateData[]'
      index: number
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<RemoteStateResponse>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, RemoteStateResponse.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<RemoteStateResponse>): RemoteStateResponse {
      return decodeMessage(buf, RemoteStateResponse.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<RemoteStateResponse>): Generator<RemoteStateResponsePayloadsSeqNumFieldEvent | RemoteStateResponsePayloadsDataFieldEvent | RemoteStateResponsePayloadsPrivateDataFieldEvent> {
      return streamMessage(buf, RemoteStateResponse.codec(), opts)
    }
  }

  export interface RemotePvtDataRequest {
    digests: gossip.PvtDataDigest[]
  }

  export namespace RemotePvtDataRequest {
    let _codec: Codec<RemotePvtDataRequest>

    export const codec = (): Codec<RemotePvtDataRequest> => {
      if (_codec == null) {
        _codec = message<RemotePvtDataRequest>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if (obj.digests != null && obj.digests.length > 0) {
            for (const value of obj.digests) {
              w.uint32(10)
              gossip.PvtDataDigest.codec().encode(value, w)
            }
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            digests: []
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                if (opts.limits?.digests != null && obj.digests.length === opts.limits.digests) {
                  throw new MaxLengthError('Decode error - repeated field "digests" had too many elements')
                }

                obj.digests.push(gossip.PvtDataDigest.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.digests$
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
            digests: 0
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                if (opts.limits?.digests != null && obj.digests === opts.limits.digests) {
                  throw new MaxLengthError('Streaming decode error - repeated field "digests" had too many elements')
                }

                for (const evt of gossip.PvtDataDigest.codec().stream(reader, reader.uint32(), `${prefix}.digests[]`, {
                  limits: opts.limits?.digests$
                })) {
                  yield {
                    ...evt,
                    index: obj.digests
                  }
                }

                obj.digests++

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

    export interface RemotePvtDataRequestDigestsTxIdFieldEvent {
      field: '$.digests[].txId'
      value: string
      index: number
    }

    export interface RemotePvtDataRequestDigestsNamespaceFieldEvent {
      field: '$.digests[].namespace'
      value: string
      index: number
    }

    export interface RemotePvtDataRequestDigestsCollectionFieldEvent {
      field: '$.digests[].collection'
      value: string
      index: number
    }

    export interface RemotePvtDataRequestDigestsBlockSeqFieldEvent {
      field: '$.digests[].blockSeq'
      value: bigint
      index: number
    }

    export interface RemotePvtDataRequestDigestsSeqInBlockFieldEvent {
      field: '$.digests[].seqInBlock'
      value: bigint
      index: number
    }

    export function encode (obj: Partial<RemotePvtDataRequest>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, RemotePvtDataRequest.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<RemotePvtDataRequest>): RemotePvtDataRequest {
      return decodeMessage(buf, RemotePvtDataRequest.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<RemotePvtDataRequest>): Generator<RemotePvtDataRequestDigestsTxIdFieldEvent | RemotePvtDataRequestDigestsNamespaceFieldEvent | RemotePvtDataRequestDigestsCollectionFieldEvent | RemotePvtDataRequestDigestsBlockSeqFieldEvent | RemotePvtDataRequestDigestsSeqInBlockFieldEvent> {
      return streamMessage(buf, RemotePvtDataRequest.codec(), opts)
    }
  }

  export interface PvtDataDigest {
    txId: string
    namespace: string
    collection: string
    blockSeq: bigint
    seqInBlock: bigint
  }

  export namespace PvtDataDigest {
    let _codec: Codec<PvtDataDigest>

    export const codec = (): Codec<PvtDataDigest> => {
      if (_codec == null) {
        _codec = message<PvtDataDigest>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.txId != null && obj.txId !== '')) {
            w.uint32(10)
            w.string(obj.txId)
          }

          if ((obj.namespace != null && obj.namespace !== '')) {
            w.uint32(18)
            w.string(obj.namespace)
          }

          if ((obj.collection != null && obj.collection !== '')) {
            w.uint32(26)
            w.string(obj.collection)
          }

          if ((obj.blockSeq != null && obj.blockSeq !== 0n)) {
            w.uint32(32)
            w.uint64(obj.blockSeq)
          }

          if ((obj.seqInBlock != null && obj.seqInBlock !== 0n)) {
            w.uint32(40)
            w.uint64(obj.seqInBlock)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            txId: '',
            namespace: '',
            collection: '',
            blockSeq: 0n,
            seqInBlock: 0n
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.txId = reader.string()
                break
              }
              case 2: {
                obj.namespace = reader.string()
                break
              }
              case 3: {
                obj.collection = reader.string()
                break
              }
              case 4: {
                obj.blockSeq = reader.uint64()
                break
              }
              case 5: {
                obj.seqInBlock = reader.uint64()
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
                  field: `${prefix}.txId`,
                  value: reader.string()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.namespace`,
                  value: reader.string()
                }
                break
              }
              case 3: {
                yield {
                  field: `${prefix}.collection`,
                  value: reader.string()
                }
                break
              }
              case 4: {
                yield {
                  field: `${prefix}.blockSeq`,
                  value: reader.uint64()
                }
                break
              }
              case 5: {
                yield {
                  field: `${prefix}.seqInBlock`,
                  value: reader.uint64()
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

    export interface PvtDataDigestTxIdFieldEvent {
      field: '$.txId'
      value: string
    }

    export interface PvtDataDigestNamespaceFieldEvent {
      field: '$.namespace'
      value: string
    }

    export interface PvtDataDigestCollectionFieldEvent {
      field: '$.collection'
      value: string
    }

    export interface PvtDataDigestBlockSeqFieldEvent {
      field: '$.blockSeq'
      value: bigint
    }

    export interface PvtDataDigestSeqInBlockFieldEvent {
      field: '$.seqInBlock'
      value: bigint
    }

    export function encode (obj: Partial<PvtDataDigest>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, PvtDataDigest.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PvtDataDigest>): PvtDataDigest {
      return decodeMessage(buf, PvtDataDigest.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PvtDataDigest>): Generator<PvtDataDigestTxIdFieldEvent | PvtDataDigestNamespaceFieldEvent | PvtDataDigestCollectionFieldEvent | PvtDataDigestBlockSeqFieldEvent | PvtDataDigestSeqInBlockFieldEvent> {
      return streamMessage(buf, PvtDataDigest.codec(), opts)
    }
  }

  export interface RemotePvtDataResponse {
    elements: gossip.PvtDataElement[]
  }

  export namespace RemotePvtDataResponse {
    let _codec: Codec<RemotePvtDataResponse>

    export const codec = (): Codec<RemotePvtDataResponse> => {
      if (_codec == null) {
        _codec = message<RemotePvtDataResponse>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if (obj.elements != null && obj.elements.length > 0) {
            for (const value of obj.elements) {
              w.uint32(10)
              gossip.PvtDataElement.codec().encode(value, w)
            }
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            elements: []
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                if (opts.limits?.elements != null && obj.elements.length === opts.limits.elements) {
                  throw new MaxLengthError('Decode error - repeated field "elements" had too many elements')
                }

                obj.elements.push(gossip.PvtDataElement.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.elements$
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
            elements: 0
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                if (opts.limits?.elements != null && obj.elements === opts.limits.elements) {
                  throw new MaxLengthError('Streaming decode error - repeated field "elements" had too many elements')
                }

                for (const evt of gossip.PvtDataElement.codec().stream(reader, reader.uint32(), `${prefix}.elements[]`, {
                  limits: opts.limits?.elements$
                })) {
                  yield {
                    ...evt,
                    index: obj.elements
                  }
                }

                obj.elements++

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

    export interface RemotePvtDataResponseElementsDigestTxIdFieldEvent {
      field: '$.elements[].digest.txId'
      value: string
      index: number
    }

    export interface RemotePvtDataResponseElementsDigestNamespaceFieldEvent {
      field: '$.elements[].digest.namespace'
      value: string
      index: number
    }

    export interface RemotePvtDataResponseElementsDigestCollectionFieldEvent {
      field: '$.elements[].digest.collection'
      value: string
      index: number
    }

    export interface RemotePvtDataResponseElementsDigestBlockSeqFieldEvent {
      field: '$.elements[].digest.blockSeq'
      value: bigint
      index: number
    }

    export interface RemotePvtDataResponseElementsDigestSeqInBlockFieldEvent {
      field: '$.elements[].digest.seqInBlock'
      value: bigint
      index: number
    }

    export interface RemotePvtDataResponseElementsPayloadFieldEvent {
      field: '$.elements[].payload[]'
      index: number
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<RemotePvtDataResponse>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, RemotePvtDataResponse.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<RemotePvtDataResponse>): RemotePvtDataResponse {
      return decodeMessage(buf, RemotePvtDataResponse.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<RemotePvtDataResponse>): Generator<RemotePvtDataResponseElementsDigestTxIdFieldEvent | RemotePvtDataResponseElementsDigestNamespaceFieldEvent | RemotePvtDataResponseElementsDigestCollectionFieldEvent | RemotePvtDataResponseElementsDigestBlockSeqFieldEvent | RemotePvtDataResponseElementsDigestSeqInBlockFieldEvent | RemotePvtDataResponseElementsPayloadFieldEvent> {
      return streamMessage(buf, RemotePvtDataResponse.codec(), opts)
    }
  }

  export interface PvtDataElement {
    digest?: gossip.PvtDataDigest
    payload: Uint8Array<ArrayBuffer>[]
  }

  export namespace PvtDataElement {
    let _codec: Codec<PvtDataElement>

    export const codec = (): Codec<PvtDataElement> => {
      if (_codec == null) {
        _codec = message<PvtDataElement>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if (obj.digest != null) {
            w.uint32(10)
            gossip.PvtDataDigest.codec().encode(obj.digest, w)
          }

          if (obj.payload != null && obj.payload.length > 0) {
            for (const value of obj.payload) {
              w.uint32(18)
              w.bytes(value)
            }
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            payload: []
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.digest = gossip.PvtDataDigest.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.digest
                })
                break
              }
              case 2: {
                if (opts.limits?.payload != null && obj.payload.length === opts.limits.payload) {
                  throw new MaxLengthError('Decode error - repeated field "payload" had too many elements')
                }

                obj.payload.push(reader.bytes())
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
            payload: 0
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                yield * gossip.PvtDataDigest.codec().stream(reader, reader.uint32(), `${prefix}.digest`, {
                  limits: opts.limits?.digest
                })

                break
              }
              case 2: {
                if (opts.limits?.payload != null && obj.payload === opts.limits.payload) {
                  throw new MaxLengthError('Streaming decode error - repeated field "payload" had too many elements')
                }

                yield {
                  field: `${prefix}.payload[]`,
                  index: obj.payload,
                  value: reader.bytes()
                }

                obj.payload++

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

    export interface PvtDataElementDigestTxIdFieldEvent {
      field: '$.digest.txId'
      value: string
    }

    export interface PvtDataElementDigestNamespaceFieldEvent {
      field: '$.digest.namespace'
      value: string
    }

    export interface PvtDataElementDigestCollectionFieldEvent {
      field: '$.digest.collection'
      value: string
    }

    export interface PvtDataElementDigestBlockSeqFieldEvent {
      field: '$.digest.blockSeq'
      value: bigint
    }

    export interface PvtDataElementDigestSeqInBlockFieldEvent {
      field: '$.digest.seqInBlock'
      value: bigint
    }

    export interface PvtDataElementPayloadFieldEvent {
      field: '$.payload[]'
      index: number
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<PvtDataElement>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, PvtDataElement.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PvtDataElement>): PvtDataElement {
      return decodeMessage(buf, PvtDataElement.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PvtDataElement>): Generator<PvtDataElementDigestTxIdFieldEvent | PvtDataElementDigestNamespaceFieldEvent | PvtDataElementDigestCollectionFieldEvent | PvtDataElementDigestBlockSeqFieldEvent | PvtDataElementDigestSeqInBlockFieldEvent | PvtDataElementPayloadFieldEvent> {
      return streamMessage(buf, PvtDataElement.codec(), opts)
    }
  }

  export interface PvtDataPayload {
    txSeqInBlock: bigint
    payload: Uint8Array<ArrayBuffer>
  }

  export namespace PvtDataPayload {
    let _codec: Codec<PvtDataPayload>

    export const codec = (): Codec<PvtDataPayload> => {
      if (_codec == null) {
        _codec = message<PvtDataPayload>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.txSeqInBlock != null && obj.txSeqInBlock !== 0n)) {
            w.uint32(8)
            w.uint64(obj.txSeqInBlock)
          }

          if ((obj.payload != null && obj.payload.byteLength > 0)) {
            w.uint32(18)
            w.bytes(obj.payload)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            txSeqInBlock: 0n,
            payload: uint8ArrayAlloc(0)
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.txSeqInBlock = reader.uint64()
                break
              }
              case 2: {
                obj.payload = reader.bytes()
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
                  field: `${prefix}.txSeqInBlock`,
                  value: reader.uint64()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.payload`,
                  value: reader.bytes()
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

    export interface PvtDataPayloadTxSeqInBlockFieldEvent {
      field: '$.txSeqInBlock'
      value: bigint
    }

    export interface PvtDataPayloadPayloadFieldEvent {
      field: '$.payload'
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<PvtDataPayload>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, PvtDataPayload.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PvtDataPayload>): PvtDataPayload {
      return decodeMessage(buf, PvtDataPayload.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<PvtDataPayload>): Generator<PvtDataPayloadTxSeqInBlockFieldEvent | PvtDataPayloadPayloadFieldEvent> {
      return streamMessage(buf, PvtDataPayload.codec(), opts)
    }
  }

  export interface Acknowledgement {
    error: string
  }

  export namespace Acknowledgement {
    let _codec: Codec<Acknowledgement>

    export const codec = (): Codec<Acknowledgement> => {
      if (_codec == null) {
        _codec = message<Acknowledgement>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.error != null && obj.error !== '')) {
            w.uint32(10)
            w.string(obj.error)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            error: ''
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.error = reader.string()
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
                  field: `${prefix}.error`,
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

    export interface AcknowledgementErrorFieldEvent {
      field: '$.error'
      value: string
    }

    export function encode (obj: Partial<Acknowledgement>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, Acknowledgement.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Acknowledgement>): Acknowledgement {
      return decodeMessage(buf, Acknowledgement.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Acknowledgement>): Generator<AcknowledgementErrorFieldEvent> {
      return streamMessage(buf, Acknowledgement.codec(), opts)
    }
  }

  export interface Chaincode {
    name: string
    version: string
    metadata: Uint8Array<ArrayBuffer>
  }

  export namespace Chaincode {
    let _codec: Codec<Chaincode>

    export const codec = (): Codec<Chaincode> => {
      if (_codec == null) {
        _codec = message<Chaincode>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.name != null && obj.name !== '')) {
            w.uint32(10)
            w.string(obj.name)
          }

          if ((obj.version != null && obj.version !== '')) {
            w.uint32(18)
            w.string(obj.version)
          }

          if ((obj.metadata != null && obj.metadata.byteLength > 0)) {
            w.uint32(26)
            w.bytes(obj.metadata)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            name: '',
            version: '',
            metadata: uint8ArrayAlloc(0)
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.name = reader.string()
                break
              }
              case 2: {
                obj.version = reader.string()
                break
              }
              case 3: {
                obj.metadata = reader.bytes()
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
                  field: `${prefix}.name`,
                  value: reader.string()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.version`,
                  value: reader.string()
                }
                break
              }
              case 3: {
                yield {
                  field: `${prefix}.metadata`,
                  value: reader.bytes()
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

    export interface ChaincodeNameFieldEvent {
      field: '$.name'
      value: string
    }

    export interface ChaincodeVersionFieldEvent {
      field: '$.version'
      value: string
    }

    export interface ChaincodeMetadataFieldEvent {
      field: '$.metadata'
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<Chaincode>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, Chaincode.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Chaincode>): Chaincode {
      return decodeMessage(buf, Chaincode.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Chaincode>): Generator<ChaincodeNameFieldEvent | ChaincodeVersionFieldEvent | ChaincodeMetadataFieldEvent> {
      return streamMessage(buf, Chaincode.codec(), opts)
    }
  }

  let _codec: Codec<gossip>

  export const codec = (): Codec<gossip> => {
    if (_codec == null) {
      _codec = message<gossip>((obj, w, opts = {}) => {
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

  export function encode (obj: Partial<gossip>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, gossip.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<gossip>): gossip {
    return decodeMessage(buf, gossip.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<gossip>): Generator<{}> {
    return streamMessage(buf, gossip.codec(), opts)
  }
}
