/* eslint-disable require-yield */

import { decodeMessage, encodeMessage, enumeration, message, streamMessage } from 'protons-runtime'
import { alloc as uint8ArrayAlloc } from 'uint8arrays/alloc'
import type { Codec, DecodeOptions } from 'protons-runtime'
import type { Uint8ArrayList } from 'uint8arraylist'

export interface orderer {}

export namespace orderer {
  export interface ConsensusType {
    type: string
    metadata: Uint8Array<ArrayBuffer>
    state: orderer.ConsensusType.State
  }

  export namespace ConsensusType {
    export enum State {
      STATE_NORMAL = 'STATE_NORMAL',
      STATE_MAINTENANCE = 'STATE_MAINTENANCE'
    }

    enum __StateValues {
      STATE_NORMAL = 0,
      STATE_MAINTENANCE = 1
    }

    export namespace State {
      export const codec = (): Codec<State> => {
        return enumeration<State>(__StateValues)
      }
    }

    let _codec: Codec<ConsensusType>

    export const codec = (): Codec<ConsensusType> => {
      if (_codec == null) {
        _codec = message<ConsensusType>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.type != null && obj.type !== '')) {
            w.uint32(10)
            w.string(obj.type)
          }

          if ((obj.metadata != null && obj.metadata.byteLength > 0)) {
            w.uint32(18)
            w.bytes(obj.metadata)
          }

          if (obj.state != null && __StateValues[obj.state] !== 0) {
            w.uint32(24)
            orderer.ConsensusType.State.codec().encode(obj.state, w)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            type: '',
            metadata: uint8ArrayAlloc(0),
            state: State.STATE_NORMAL
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.type = reader.string()
                break
              }
              case 2: {
                obj.metadata = reader.bytes()
                break
              }
              case 3: {
                obj.state = orderer.ConsensusType.State.codec().decode(reader)
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
                  field: `${prefix}.type`,
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
                  field: `${prefix}.state`,
                  value: orderer.ConsensusType.State.codec().decode(reader)
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

    export interface ConsensusTypeTypeFieldEvent {
      field: '$.type'
      value: string
    }

    export interface ConsensusTypeMetadataFieldEvent {
      field: '$.metadata'
      value: Uint8Array<ArrayBuffer>
    }

    export interface ConsensusTypeStateFieldEvent {
      field: '$.state'
      value: orderer.ConsensusType.State
    }

    export function encode (obj: Partial<ConsensusType>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, ConsensusType.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ConsensusType>): ConsensusType {
      return decodeMessage(buf, ConsensusType.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ConsensusType>): Generator<ConsensusTypeTypeFieldEvent | ConsensusTypeMetadataFieldEvent | ConsensusTypeStateFieldEvent> {
      return streamMessage(buf, ConsensusType.codec(), opts)
    }
  }

  export interface BatchSize {
    maxMessageCount: number
    absoluteMaxBytes: number
    preferredMaxBytes: number
  }

  export namespace BatchSize {
    let _codec: Codec<BatchSize>

    export const codec = (): Codec<BatchSize> => {
      if (_codec == null) {
        _codec = message<BatchSize>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.maxMessageCount != null && obj.maxMessageCount !== 0)) {
            w.uint32(8)
            w.uint32(obj.maxMessageCount)
          }

          if ((obj.absoluteMaxBytes != null && obj.absoluteMaxBytes !== 0)) {
            w.uint32(16)
            w.uint32(obj.absoluteMaxBytes)
          }

          if ((obj.preferredMaxBytes != null && obj.preferredMaxBytes !== 0)) {
            w.uint32(24)
            w.uint32(obj.preferredMaxBytes)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            maxMessageCount: 0,
            absoluteMaxBytes: 0,
            preferredMaxBytes: 0
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.maxMessageCount = reader.uint32()
                break
              }
              case 2: {
                obj.absoluteMaxBytes = reader.uint32()
                break
              }
              case 3: {
                obj.preferredMaxBytes = reader.uint32()
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
                  field: `${prefix}.maxMessageCount`,
                  value: reader.uint32()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.absoluteMaxBytes`,
                  value: reader.uint32()
                }
                break
              }
              case 3: {
                yield {
                  field: `${prefix}.preferredMaxBytes`,
                  value: reader.uint32()
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

    export interface BatchSizeMaxMessageCountFieldEvent {
      field: '$.maxMessageCount'
      value: number
    }

    export interface BatchSizeAbsoluteMaxBytesFieldEvent {
      field: '$.absoluteMaxBytes'
      value: number
    }

    export interface BatchSizePreferredMaxBytesFieldEvent {
      field: '$.preferredMaxBytes'
      value: number
    }

    export function encode (obj: Partial<BatchSize>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, BatchSize.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<BatchSize>): BatchSize {
      return decodeMessage(buf, BatchSize.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<BatchSize>): Generator<BatchSizeMaxMessageCountFieldEvent | BatchSizeAbsoluteMaxBytesFieldEvent | BatchSizePreferredMaxBytesFieldEvent> {
      return streamMessage(buf, BatchSize.codec(), opts)
    }
  }

  export interface BatchTimeout {
    timeout: string
  }

  export namespace BatchTimeout {
    let _codec: Codec<BatchTimeout>

    export const codec = (): Codec<BatchTimeout> => {
      if (_codec == null) {
        _codec = message<BatchTimeout>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.timeout != null && obj.timeout !== '')) {
            w.uint32(10)
            w.string(obj.timeout)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            timeout: ''
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.timeout = reader.string()
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
                  field: `${prefix}.timeout`,
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

    export interface BatchTimeoutTimeoutFieldEvent {
      field: '$.timeout'
      value: string
    }

    export function encode (obj: Partial<BatchTimeout>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, BatchTimeout.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<BatchTimeout>): BatchTimeout {
      return decodeMessage(buf, BatchTimeout.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<BatchTimeout>): Generator<BatchTimeoutTimeoutFieldEvent> {
      return streamMessage(buf, BatchTimeout.codec(), opts)
    }
  }

  export interface ChannelRestrictions {
    maxCount: bigint
  }

  export namespace ChannelRestrictions {
    let _codec: Codec<ChannelRestrictions>

    export const codec = (): Codec<ChannelRestrictions> => {
      if (_codec == null) {
        _codec = message<ChannelRestrictions>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.maxCount != null && obj.maxCount !== 0n)) {
            w.uint32(8)
            w.uint64(obj.maxCount)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            maxCount: 0n
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.maxCount = reader.uint64()
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
                  field: `${prefix}.maxCount`,
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

    export interface ChannelRestrictionsMaxCountFieldEvent {
      field: '$.maxCount'
      value: bigint
    }

    export function encode (obj: Partial<ChannelRestrictions>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, ChannelRestrictions.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ChannelRestrictions>): ChannelRestrictions {
      return decodeMessage(buf, ChannelRestrictions.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ChannelRestrictions>): Generator<ChannelRestrictionsMaxCountFieldEvent> {
      return streamMessage(buf, ChannelRestrictions.codec(), opts)
    }
  }

  let _codec: Codec<orderer>

  export const codec = (): Codec<orderer> => {
    if (_codec == null) {
      _codec = message<orderer>((obj, w, opts = {}) => {
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

  export function encode (obj: Partial<orderer>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, orderer.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<orderer>): orderer {
    return decodeMessage(buf, orderer.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<orderer>): Generator<{}> {
    return streamMessage(buf, orderer.codec(), opts)
  }
}
