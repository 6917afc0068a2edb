//! The opcodes the dispatch loop sends out of line to `execute` (in `ops.rs`): every
//! opcode without an unguarded arm of its own in `dispatch.rs`.
//!
//! The loop matches on every opcode by name instead of ending with `_`, so that the
//! match is exhaustive: the compiler then knows no other byte reaches the dispatch,
//! its jump table spans all 256 byte values and needs no range check, and the loop
//! head stays one straight block that LLVM tail-duplicates into the handlers. When an
//! opcode gets an inline arm, take it out of this list (rustc reports the overlap as
//! an unreachable pattern); a new opcode must be added here or given an arm.

/// The pattern matching every out-of-line opcode.
macro_rules! out_of_line_opcodes {
    () => {
        Opcode::Cache
            | Opcode::BinarySlice
            | Opcode::BuildTemplate
            | Opcode::CallFunctionEx
            | Opcode::CheckEgMatch
            | Opcode::CheckExcMatch
            | Opcode::CleanupThrow
            | Opcode::DeleteSubscr
            | Opcode::EndFor
            | Opcode::EndSend
            | Opcode::ExitInitCheck
            | Opcode::FormatSimple
            | Opcode::FormatWithSpec
            | Opcode::GetAiter
            | Opcode::GetAnext
            | Opcode::GetIter
            | Opcode::Reserved
            | Opcode::GetLen
            | Opcode::GetYieldFromIter
            | Opcode::InterpreterExit
            | Opcode::LoadBuildClass
            | Opcode::LoadLocals
            | Opcode::MakeFunction
            | Opcode::MatchKeys
            | Opcode::MatchMapping
            | Opcode::MatchSequence
            | Opcode::PopExcept
            | Opcode::PopIter
            | Opcode::PushExcInfo
            | Opcode::ReturnGenerator
            | Opcode::SetupAnnotations
            | Opcode::StoreSlice
            | Opcode::UnaryInvert
            | Opcode::UnaryNegative
            | Opcode::UnaryNot
            | Opcode::WithExceptStart
            | Opcode::BuildInterpolation
            | Opcode::BuildList
            | Opcode::BuildMap
            | Opcode::BuildSet
            | Opcode::BuildSlice
            | Opcode::BuildString
            | Opcode::BuildTuple
            | Opcode::CallIntrinsic1
            | Opcode::CallIntrinsic2
            | Opcode::CallKw
            | Opcode::ContainsOp
            | Opcode::ConvertValue
            | Opcode::Copy
            | Opcode::CopyFreeVars
            | Opcode::DeleteAttr
            | Opcode::DeleteDeref
            | Opcode::DeleteFast
            | Opcode::DeleteGlobal
            | Opcode::DeleteName
            | Opcode::DictMerge
            | Opcode::DictUpdate
            | Opcode::EndAsyncFor
            | Opcode::GetAwaitable
            | Opcode::ImportFrom
            | Opcode::ImportName
            | Opcode::IsOp
            | Opcode::ListAppend
            | Opcode::ListExtend
            | Opcode::LoadAttr
            | Opcode::LoadCommonConstant
            | Opcode::LoadFastAndClear
            | Opcode::LoadFromDictOrDeref
            | Opcode::LoadFromDictOrGlobals
            | Opcode::LoadName
            | Opcode::LoadSpecial
            | Opcode::LoadSuperAttr
            | Opcode::MakeCell
            | Opcode::MapAdd
            | Opcode::MatchClass
            | Opcode::PopJumpIfFalse
            | Opcode::PopJumpIfTrue
            | Opcode::RaiseVarargs
            | Opcode::Reraise
            | Opcode::Send
            | Opcode::SetAdd
            | Opcode::SetFunctionAttribute
            | Opcode::SetUpdate
            | Opcode::StoreAttr
            | Opcode::StoreDeref
            | Opcode::StoreFastLoadFast
            | Opcode::StoreFastStoreFast
            | Opcode::StoreGlobal
            | Opcode::StoreName
            | Opcode::Swap
            | Opcode::UnpackEx
            | Opcode::UnpackSequence
            | Opcode::YieldValue
            | Opcode::InstrumentedEndFor
            | Opcode::InstrumentedPopIter
            | Opcode::InstrumentedEndSend
            | Opcode::InstrumentedForIter
            | Opcode::InstrumentedInstruction
            | Opcode::InstrumentedJumpForward
            | Opcode::InstrumentedNotTaken
            | Opcode::InstrumentedPopJumpIfTrue
            | Opcode::InstrumentedPopJumpIfFalse
            | Opcode::InstrumentedPopJumpIfNone
            | Opcode::InstrumentedPopJumpIfNotNone
            | Opcode::InstrumentedResume
            | Opcode::InstrumentedReturnValue
            | Opcode::InstrumentedYieldValue
            | Opcode::InstrumentedEndAsyncFor
            | Opcode::InstrumentedLoadSuperAttr
            | Opcode::InstrumentedCall
            | Opcode::InstrumentedCallKw
            | Opcode::InstrumentedCallFunctionEx
            | Opcode::InstrumentedJumpBackward
            | Opcode::InstrumentedLine
            | Opcode::EnterExecutor
    };
}

pub(super) use out_of_line_opcodes;
